package cn.yishi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request (see {@link HttpHardening}):
 *
 * <ul>
 *   <li>headers: {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy on every
 *       answer outside the Camunda webapps (which set their own nosniff and their own nonce-based
 *       policy; a second policy header would break them);
 *   <li>a body announced larger than the path's limit ({@code Content-Length}) is refused with 413
 *       before anything is read, so Tomcat (continueResponseTiming onRead) never sends {@code 100
 *       Continue};
 *   <li>a body is read through {@link LimitedBodyStream}: a stream past the limit stops there
 *       (413), a body not sent within the deadline is refused (408).
 * </ul>
 *
 * A refusal is answered as {@code application/problem+json} with {@code Connection: close}; what
 * the application tries to write after it is dropped.
 */
class HttpHardeningFilter extends OncePerRequestFilter {

  /** Limits for one kind of path. */
  record Limits(long bodyBytes, Duration deadline) {}

  static final String NOSNIFF = "nosniff";
  static final String CSP =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** Yishi's own pages ({@value #PAGES}…): their scripts, styles and calls from Yishi only. */
  static final String PAGE_CSP =
      "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
          // bpmn-js sets style attributes on the diagram's SVG elements
          + " style-src 'self' 'unsafe-inline'; font-src 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  static final String PAGES = "/audit/";

  /**
   * The residents' pages ({@code /}, {@code /proposals/…}, {@code /notices}, {@code /statistics}
   * and their files under {@value #SITE}): scripts, styles and calls from Yishi only, and no inline
   * style either (Chart.js sizes its canvas through the CSSOM, which a policy does not govern).
   */
  static final String SITE_CSP =
      "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
          + " style-src 'self'; font-src 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  static final String SITE = "/site/";

  /**
   * Swagger UI ({@value #DOCS}…, springdoc's {@code springdoc.swagger-ui.path} and the webjar's
   * files beside it): its scripts, styles and icons from Yishi, the API description and "try it
   * out" calls to Yishi only; no inline script, no form posts, no frames. The one inline style
   * allowed, by its hash, is the {@code <style>} inside Swagger UI's logo (its two fill colours); a
   * later Swagger UI with another logo only loses those colours.
   */
  static final String DOCS_CSP =
      "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
          + " style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  static final String DOCS = "/api-docs/";

  private final String webappPath;
  private final Limits api;
  private final Limits other;
  private final InstantSource clock;

  HttpHardeningFilter(String webappPath, Limits api, Limits other, InstantSource clock) {
    this.webappPath =
        webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
    this.api = api;
    this.other = other;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant started = clock.instant();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean webapp = path.equals(webappPath) || path.startsWith(webappPath + "/");
    GuardedResponse guarded = new GuardedResponse(response, webapp ? null : policyOf(path));
    guarded.addSecurityHeaders();
    if (isAsyncDispatch(request)
        || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
      chain.doFilter(request, guarded);
      return;
    }
    Limits limits = path.equals("/api") || path.startsWith("/api/") ? api : other;
    long announced = request.getContentLengthLong();
    if (announced > limits.bodyBytes()) {
      guarded.refuse(413, "请求体不能超过 " + HttpHardening.describe(limits.bodyBytes()));
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, limits, started, guarded);
    try {
      chain.doFilter(limited, guarded);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!guarded.sealed()) {
        throw e;
      }
      // the refusal is answered; what failed after it is the application giving up on the body
    }
  }

  /** The Content-Security-Policy of a path outside the webapps. */
  static String policyOf(String path) {
    if (path.startsWith(PAGES)) {
      return PAGE_CSP;
    }
    if (isSitePage(path)) {
      return SITE_CSP;
    }
    return path.startsWith(DOCS) ? DOCS_CSP : CSP;
  }

  private static boolean isSitePage(String path) {
    return path.equals("/")
        || path.startsWith(SITE)
        || path.startsWith("/proposals/")
        || path.equals("/notices")
        || path.equals("/statistics");
  }

  private final class LimitedRequest extends HttpServletRequestWrapper {
    private final Limits limits;
    private final Instant started;
    private final GuardedResponse response;
    private LimitedBodyStream stream;
    private BufferedReader reader;

    LimitedRequest(
        HttpServletRequest request, Limits limits, Instant started, GuardedResponse response) {
      super(request);
      this.limits = limits;
      this.started = started;
      this.response = response;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream =
            new LimitedBodyStream(
                super.getInputStream(),
                limits.bodyBytes(),
                started,
                limits.deadline(),
                clock,
                response::refuse);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset =
            encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }
  }

  /**
   * The response the application writes to: keeps the security headers across {@code reset()}, and
   * once a refusal is answered drops everything the application writes after it.
   */
  static final class GuardedResponse extends HttpServletResponseWrapper {
    private final String csp;
    private volatile boolean sealed;
    private ServletOutputStream out;
    private PrintWriter writer;

    /** The policy of the path, null inside the webapps (which set their own headers). */
    GuardedResponse(HttpServletResponse response, String csp) {
      super(response);
      this.csp = csp;
    }

    boolean sealed() {
      return sealed;
    }

    void addSecurityHeaders() {
      if (csp != null) {
        HttpServletResponse r = (HttpServletResponse) getResponse();
        r.setHeader("X-Content-Type-Options", NOSNIFF);
        r.setHeader("Content-Security-Policy", csp);
      }
    }

    /** Answers 408 or 413 as problem+json, then ignores the application's answer. */
    synchronized void refuse(int status, String detail) throws IOException {
      if (sealed) {
        return;
      }
      sealed = true;
      HttpServletResponse r = (HttpServletResponse) getResponse();
      if (r.isCommitted()) {
        return;
      }
      r.reset();
      addSecurityHeaders();
      r.setStatus(status);
      r.setHeader("Connection", "close");
      r.setContentType("application/problem+json;charset=UTF-8");
      String title = status == 413 ? "Content Too Large" : "Request Timeout";
      byte[] body =
          ("{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      r.setContentLength(body.length);
      r.getOutputStream().write(body);
      r.flushBuffer();
    }

    @Override
    public void reset() {
      if (sealed) {
        return;
      }
      super.reset();
      addSecurityHeaders();
    }

    @Override
    public void resetBuffer() {
      if (!sealed) {
        super.resetBuffer();
      }
    }

    @Override
    public void setStatus(int sc) {
      if (!sealed) {
        super.setStatus(sc);
      }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (!sealed) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      if (!sealed) {
        super.sendError(sc);
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (!sealed) {
        super.sendRedirect(location);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!sealed) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!sealed) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!sealed) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!sealed) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!sealed) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!sealed) {
        super.flushBuffer();
      }
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        ServletOutputStream real = super.getOutputStream();
        out =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                if (!sealed) {
                  real.write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                if (!sealed) {
                  real.write(b, off, len);
                }
              }

              @Override
              public void flush() throws IOException {
                if (!sealed) {
                  real.flush();
                }
              }

              @Override
              public void close() throws IOException {
                if (!sealed) {
                  real.close();
                }
              }

              @Override
              public boolean isReady() {
                return real.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                real.setWriteListener(listener);
              }
            };
      }
      return out;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
      if (writer == null) {
        PrintWriter real = super.getWriter();
        // no buffer of its own: what the application writes reaches Tomcat's writer at once
        writer =
            new PrintWriter(
                new Writer() {
                  @Override
                  public void write(char[] cbuf, int off, int len) {
                    if (!sealed) {
                      real.write(cbuf, off, len);
                    }
                  }

                  @Override
                  public void flush() {
                    if (!sealed) {
                      real.flush();
                    }
                  }

                  @Override
                  public void close() {
                    if (!sealed) {
                      real.close();
                    }
                  }
                });
      }
      return writer;
    }
  }
}
