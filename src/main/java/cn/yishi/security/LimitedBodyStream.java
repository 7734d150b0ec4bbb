package cn.yishi.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A request body read under a size limit and a total deadline. Every read first checks the time
 * since the request arrived, then counts what it read: past the deadline, or one byte over the
 * limit, the body is refused (the {@link Refusal} answers 408 or 413) and the read fails with
 * {@link BodyRefusedException}, so nothing more is read. The deadline is checked after each read
 * too: a client that sends a byte a second is stopped at the first byte past it (a read that waits
 * for a client sending nothing ends with Tomcat's connection timeout).
 */
final class LimitedBodyStream extends ServletInputStream {

  /** Answers a refused body (status 408 or 413); called once, before the read fails. */
  interface Refusal {
    void refuse(int status, String detail) throws IOException;
  }

  private final ServletInputStream body;
  private final long limit;
  private final Instant deadline;
  private final Duration allowed;
  private final InstantSource clock;
  private final Refusal refusal;
  private long read;
  private BodyRefusedException refused;

  LimitedBodyStream(
      ServletInputStream body,
      long limit,
      Instant started,
      Duration allowed,
      InstantSource clock,
      Refusal refusal) {
    this.body = body;
    this.limit = limit;
    this.allowed = allowed;
    this.deadline = started.plus(allowed);
    this.clock = clock;
    this.refusal = refusal;
  }

  @Override
  public int read() throws IOException {
    checkTime();
    int b = body.read();
    if (b >= 0) {
      count(1);
    }
    checkTime();
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkTime();
    // never more than one byte past the limit, so an over-limit body is not read on
    int n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
    if (n > 0) {
      count(n);
    }
    checkTime();
    return n;
  }

  @Override
  public int readLine(byte[] buffer, int offset, int length) throws IOException {
    checkTime();
    int n = body.readLine(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
    if (n > 0) {
      count(n);
    }
    checkTime();
    return n;
  }

  @Override
  public int available() throws IOException {
    return refused != null ? 0 : body.available();
  }

  @Override
  public boolean isFinished() {
    return refused != null || body.isFinished();
  }

  @Override
  public boolean isReady() {
    return refused == null && body.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    body.setReadListener(listener);
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  private void count(int n) throws IOException {
    read += n;
    if (read > limit) {
      refuse(413, "请求体不能超过 " + HttpHardening.describe(limit));
    }
  }

  private void checkTime() throws IOException {
    if (refused != null) {
      throw refused;
    }
    if (clock.instant().isAfter(deadline)) {
      refuse(408, "请求体未在 " + allowed.toSeconds() + " 秒内发送完毕");
    }
  }

  private void refuse(int status, String detail) throws IOException {
    refused = new BodyRefusedException(status, detail);
    refusal.refuse(status, detail);
    throw refused;
  }

  /** The body was refused: too large (413) or not sent in time (408). */
  static final class BodyRefusedException extends IOException {
    private final int status;

    BodyRefusedException(int status, String detail) {
      super(detail);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
