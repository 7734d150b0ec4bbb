package cn.yishi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST under {@code /api} (CONTRACT §4): a retry with the same key
 * and the same request (method, path, body) gets the first answer again (header {@code
 * Idempotency-Replayed: true}) instead of acting twice; the same key with another request is {@code
 * 422}; while the first request with the key is still being handled, {@code 409} with {@code
 * Retry-After}. A key that is not 1–255 visible ASCII characters is {@code 400}.
 *
 * <p>Keys live in the database ({@link IdempotencyRecords}), claimed before the request is handled
 * and visible at once to every node, so this holds across a restart and across two servers. Only a
 * success (2xx) is kept as "the first answer": a refused request (400, 404, 409, 429 …) leaves no
 * key behind, so nothing of bad input remains, and its retry is judged anew (it gets the same
 * refusal while nothing changed). Keys expire after {@code yishi.idempotency.keep-for}; a key still
 * in flight after {@code in-flight-timeout} (its server stopped mid-request) is taken over by the
 * retry.
 *
 * <p>Runs after the write limit (a throttled request claims nothing) and after the HTTP hardening
 * (the body is read through its size and time limits).
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

  public static final String HEADER = "Idempotency-Key";

  /**
   * Staff calls under /api (the audit page's session login) are not residents' actions: a login
   * replayed without its session cookie would only confuse, and acting twice changes nothing.
   */
  static final String STAFF_PATHS = "/api/audit/";

  public static final String REPLAYED = "Idempotency-Replayed";
  static final int MAX_KEY = 255;

  private final IdempotencyRecords records;
  private final IdempotencyProperties properties;
  private final Clock clock;
  private final ObjectMapper json;

  IdempotencyFilter(
      IdempotencyRecords records,
      IdempotencyProperties properties,
      Clock clock,
      ObjectMapper json) {
    this.records = records;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod())
        || request.getHeader(HEADER) == null
        || request.getRequestURI().startsWith(STAFF_PATHS);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (!wellFormed(key)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Idempotency-Key 无效");
      problem.setProperty(
          "errors",
          List.of(new JsonBody.FieldProblem(HEADER, "须为 1 至 " + MAX_KEY + " 个可见 ASCII 字符")));
      refuse(request, response, problem, null);
      return;
    }
    if (request.getContentLengthLong() > JsonBody.MAX_BYTES) {
      refuse(request, response, tooLarge(), null);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(JsonBody.MAX_BYTES + 1);
    }
    if (body.length > JsonBody.MAX_BYTES) {
      refuse(request, response, tooLarge(), null);
      return;
    }
    String fingerprint = fingerprint(request, body);
    try {
      claimAndHandle(request, response, chain, key, body, fingerprint);
    } catch (RuntimeException failed) {
      if (!DatabaseUnavailable.causedBy(failed) || response.isCommitted()) {
        throw failed;
      }
      response.resetBuffer();
      ApiProblems.write(
          response,
          ApiProblems.databaseUnavailable(request.getRequestURI()).getBody(),
          DatabaseUnavailable.RETRY_AFTER_SECONDS,
          json);
    }
  }

  private void claimAndHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String key,
      byte[] body,
      String fingerprint)
      throws ServletException, IOException {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!records.claim(key, fingerprint, now, now.plus(properties.keepFor()))) {
      Optional<IdempotencyRecords.Entry> stored = records.find(key);
      if (stored.isPresent() && !stale(stored.get(), now)) {
        answerStored(request, response, stored.get(), fingerprint);
        return;
      }
      stored.ifPresent(entry -> records.forgetStale(key, entry.createdAt()));
      if (!records.claim(key, fingerprint, now, now.plus(properties.keepFor()))) {
        answerStored(request, response, records.find(key).orElse(null), fingerprint);
        return;
      }
    }
    handle(new CachedBodyRequest(request, body), response, chain, key);
  }

  private void handle(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(request, answer);
      int status = answer.getStatus();
      if (status >= 200 && status < 300) {
        // from here the request has acted: its key must not be released, even if keeping the
        // answer fails (the key then stays in flight, and a retry waits for in-flight-timeout)
        kept = true;
        try {
          records.complete(
              key,
              status,
              answer.getHeader(HttpHeaders.LOCATION),
              answer.getContentType(),
              new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
        } catch (RuntimeException notKept) {
          LOG.warn("Idempotency-Key 的首次应答未能保存：{}", notKept.toString());
        }
      }
    } finally {
      if (!kept) {
        records.release(key);
      }
      answer.copyBodyToResponse();
    }
  }

  /** A stored key met again: its first answer, or 422 / 409. */
  private void answerStored(
      HttpServletRequest request,
      HttpServletResponse response,
      IdempotencyRecords.Entry entry,
      String fingerprint)
      throws IOException {
    if (entry == null || !entry.done()) {
      if (entry != null && !entry.fingerprint().equals(fingerprint)) {
        refuse(request, response, otherRequest(), null);
        return;
      }
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT, "使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试");
      refuse(request, response, problem, 1L);
      return;
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      refuse(request, response, otherRequest(), null);
      return;
    }
    byte[] body =
        entry.body() == null ? new byte[0] : entry.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(entry.status());
    if (entry.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, entry.location());
    }
    if (entry.contentType() != null) {
      response.setContentType(entry.contentType());
    }
    response.setHeader(REPLAYED, "true");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private boolean stale(IdempotencyRecords.Entry entry, OffsetDateTime now) {
    if (!entry.expiresAt().isAfter(now)) {
      return true;
    }
    return !entry.done() && !entry.createdAt().plus(properties.inFlightTimeout()).isAfter(now);
  }

  private static ProblemDetail otherRequest() {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.UNPROCESSABLE_ENTITY, "该 Idempotency-Key 已用于另一请求（路径或请求体不同），请换一个新的键");
  }

  private static ProblemDetail tooLarge() {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.PAYLOAD_TOO_LARGE, ApiProblems.detail(null, HttpStatus.PAYLOAD_TOO_LARGE));
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemDetail problem,
      Long retryAfterSeconds)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    ApiProblems.write(response, problem, retryAfterSeconds, json);
  }

  static boolean wellFormed(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
      return false;
    }
    return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }

  static String fingerprint(HttpServletRequest request, byte[] body) {
    return fingerprint(request.getMethod(), request.getRequestURI(), body);
  }

  /** SHA-256 (hex) of what makes two requests the same: method, path and body. */
  public static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(method.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ' ');
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The request with its body already read, served again from memory to whoever reads it next. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
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
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reading only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
