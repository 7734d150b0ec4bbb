package cn.yishi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Anonymous writes (POST on {@code /api/**}) per client address ({@code yishi.limits.writes}): over
 * the limit, 429 problem+json with {@code Retry-After}, before the body is read. Trusted clients
 * are not limited; behind a trusted proxy the client is taken from X-Forwarded-For ({@link
 * ClientAddresses}).
 */
final class WriteLimitFilter extends OncePerRequestFilter {

  static final String LIMITED = "提交过于频繁，请稍后再试";

  private final RateLimiter writes;
  private final ClientAddresses addresses;
  private final ObjectMapper json;

  WriteLimitFilter(RateLimiter writes, ClientAddresses addresses, ObjectMapper json) {
    this.writes = writes;
    this.addresses = addresses;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = addresses.clientOf(request);
    if (!addresses.trusted(client)) {
      Optional<Duration> wait = writes.tryAcquire(client);
      if (wait.isPresent()) {
        TooManyRequests limited = new TooManyRequests(LIMITED, wait.get());
        ApiProblems.write(
            response,
            ApiProblems.tooManyRequests(limited, request.getRequestURI()).getBody(),
            limited.retryAfterSeconds(),
            json);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
