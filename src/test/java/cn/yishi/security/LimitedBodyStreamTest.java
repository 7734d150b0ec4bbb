package cn.yishi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.security.LimitedBodyStream.BodyRefusedException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitedBodyStreamTest {

  private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

  /** A clock the test moves; the body moves it by a second on every byte it hands out. */
  private Instant now = START;

  private final InstantSource clock = () -> now;
  private final List<Integer> refusals = new ArrayList<>();

  /** Bytes handed out so far by the client's side of the stream. */
  private int sent;

  private ServletInputStream client(byte[] bytes, Duration perByte) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return new ServletInputStream() {
      @Override
      public int read() {
        int b = in.read();
        if (b >= 0) {
          sent++;
          now = now.plus(perByte);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        // a slow client: one byte per read
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener readListener) {}
    };
  }

  private LimitedBodyStream limited(byte[] body, long limit, Duration deadline, Duration perByte) {
    return new LimitedBodyStream(
        client(body, perByte),
        limit,
        START,
        deadline,
        clock,
        (status, detail) -> refusals.add(status));
  }

  @Test
  void aBodyWithinTheLimitAndTheDeadlineIsReadWhole() throws IOException {
    LimitedBodyStream stream =
        limited(
            "{\"title\":\"楼道灯\"}".getBytes(), 64, Duration.ofSeconds(100), Duration.ofSeconds(1));
    assertThat(new String(stream.readAllBytes())).isEqualTo("{\"title\":\"楼道灯\"}");
    assertThat(refusals).isEmpty();
  }

  @Test
  void aStreamOverTheLimitStopsAtTheFirstByteOverIt() {
    LimitedBodyStream stream = limited(new byte[1000], 100, Duration.ofHours(1), Duration.ZERO);
    assertThatThrownBy(stream::readAllBytes)
        .isInstanceOf(BodyRefusedException.class)
        .satisfies(e -> assertThat(((BodyRefusedException) e).status()).isEqualTo(413));
    assertThat(refusals).containsExactly(413);
    assertThat(sent).isEqualTo(101);
    // nothing more is read after the refusal
    assertThatThrownBy(stream::read).isInstanceOf(BodyRefusedException.class);
    assertThat(sent).isEqualTo(101);
    assertThat(refusals).containsExactly(413);
  }

  @Test
  void aBulkReadIsNotAllowedToReadFarPastTheLimit() throws IOException {
    ServletInputStream fast =
        new ServletInputStream() {
          private final ByteArrayInputStream in = new ByteArrayInputStream(new byte[10_000]);

          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            sent += Math.max(0, n);
            return n;
          }

          @Override
          public boolean isFinished() {
            return false;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener readListener) {}
        };
    LimitedBodyStream stream =
        new LimitedBodyStream(
            fast, 100, START, Duration.ofHours(1), clock, (s, d) -> refusals.add(s));
    assertThatThrownBy(() -> stream.read(new byte[8192])).isInstanceOf(BodyRefusedException.class);
    assertThat(sent).isEqualTo(101);
  }

  @Test
  void aClientSendingAByteASecondIsStoppedAtTheDeadline() {
    LimitedBodyStream stream =
        limited(new byte[1000], 64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(1));
    assertThatThrownBy(stream::readAllBytes)
        .isInstanceOf(BodyRefusedException.class)
        .satisfies(e -> assertThat(((BodyRefusedException) e).status()).isEqualTo(408))
        .hasMessageContaining("10 秒");
    assertThat(refusals).containsExactly(408);
    // the 11th byte arrived past the deadline: the read that got it fails, nothing after it is read
    assertThat(sent).isEqualTo(11);
  }

  @Test
  void aReadStartedAfterTheDeadlineReadsNothing() {
    now = START.plusSeconds(11);
    LimitedBodyStream stream = limited(new byte[10], 1000, Duration.ofSeconds(10), Duration.ZERO);
    assertThatThrownBy(stream::read).isInstanceOf(BodyRefusedException.class);
    assertThat(sent).isZero();
    assertThat(refusals).containsExactly(408);
  }
}
