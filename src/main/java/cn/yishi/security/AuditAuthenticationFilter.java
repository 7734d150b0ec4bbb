package cn.yishi.security;

import cn.yishi.audit.AuditReader;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls {@code /api/audit/*}, checked against Camunda's identity: HTTP Basic (scripts, other
 * systems), or the audit page's session ({@value #SESSION_PATH}: {@code POST} {@code
 * {"username","password"}} logs in, {@code GET} says who is logged in, {@code DELETE} logs out).
 * Anonymous or bad credentials: {@code 401}, with {@code WWW-Authenticate} unless the page asked
 * ({@code X-Requested-With}, so the browser shows no password dialog of its own); a valid user who
 * is not in {@code auditors}, a {@code *.supervisor} group or {@code camunda-admin}: {@code 403}. A
 * login changes the session id (no fixation) and marks the session cookie {@code HttpOnly} and
 * {@code SameSite=Strict}; the user's groups are read again on every request, so a withdrawn
 * membership ends access at once. For an admitted request the engine's authentication is set to the
 * user (so engine queries apply their authorizations) and cleared afterwards; {@link
 * HttpServletRequest#getRemoteUser()} is the user id and the request attribute {@value
 * #GROUPS_ATTRIBUTE} holds their group ids.
 */
public class AuditAuthenticationFilter extends OncePerRequestFilter {

  public static final String GROUPS_ATTRIBUTE = "yishi.auditor.groups";
  static final String REALM = "yishi-audit";
  public static final String SESSION_PATH = "/api/audit/session";

  /** The session attribute holding the logged-in auditor's user id. */
  static final String SESSION_USER = "yishi.audit.user";

  private final IdentityService identity;
  private final ObjectMapper json;

  public AuditAuthenticationFilter(IdentityService identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  /** True for the groups that may read the audit trail. */
  public static boolean mayAudit(List<String> groupIds) {
    return groupIds.stream()
        .anyMatch(
            g ->
                Groups.AUDITORS.equals(g)
                    || Groups.CAMUNDA_ADMIN.equals(g)
                    || Groups.isSupervisorGroup(g));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    identity.clearAuthentication();
    boolean session = SESSION_PATH.equals(pathOf(request));
    if (session && "POST".equals(request.getMethod())) {
      logIn(request, response);
      return;
    }
    if (session && "DELETE".equals(request.getMethod())) {
      HttpSession existing = request.getSession(false);
      if (existing != null) {
        existing.removeAttribute(SESSION_USER);
      }
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    String userId = authenticatedUser(request);
    if (userId == null) {
      unauthorized(request, response, "the audit API needs HTTP Basic credentials of an auditor");
      return;
    }
    List<String> groupIds = groupsOf(userId);
    if (!mayAudit(groupIds)) {
      forbidden(response, userId);
      return;
    }
    AuditReader reader = reader(userId, groupIds);
    if (session) {
      if (!"GET".equals(request.getMethod())) {
        response.setHeader("Allow", "GET, POST, DELETE");
        problem(response, 405, "Method Not Allowed", "会话只支持 GET、POST、DELETE");
        return;
      }
      answer(response, HttpServletResponse.SC_OK, reader);
      return;
    }
    List<String> tenantIds = new ArrayList<>();
    for (Tenant tenant :
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()) {
      tenantIds.add(tenant.getId());
    }
    request.setAttribute(GROUPS_ATTRIBUTE, List.copyOf(groupIds));
    request.setAttribute(AuditReader.ATTRIBUTE, reader);
    identity.setAuthentication(userId, groupIds, tenantIds);
    try {
      chain.doFilter(new AuthenticatedRequest(request, userId), response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user of valid Basic credentials, else of the audit session, else null. */
  private String authenticatedUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      String[] credentials = basicCredentials(header);
      return credentials != null && identity.checkPassword(credentials[0], credentials[1])
          ? credentials[0]
          : null;
    }
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_USER) instanceof String user
        ? user
        : null;
  }

  /**
   * {@code POST /api/audit/session}: checks the password and binds the user to a new session id.
   */
  private void logIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      problem(response, 415, "Unsupported Media Type", "登录请求须为 application/json");
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(request.getInputStream());
    } catch (IOException e) {
      problem(response, 400, "Bad Request", "登录请求不是有效的 JSON");
      return;
    }
    if (body == null
        || !body.isObject()
        || !body.path("username").isTextual()
        || !body.path("password").isTextual()
        || body.size() != 2) {
      problem(response, 400, "Bad Request", "登录请求须为 {\"username\": …, \"password\": …}");
      return;
    }
    String userId = body.get("username").asText();
    if (userId.isBlank() || !identity.checkPassword(userId, body.get("password").asText())) {
      problem(response, 401, "Unauthorized", "用户名或密码不正确");
      return;
    }
    List<String> groupIds = groupsOf(userId);
    if (!mayAudit(groupIds)) {
      forbidden(response, userId);
      return;
    }
    request.getSession(true);
    request.changeSessionId();
    request.getSession(false).setAttribute(SESSION_USER, userId);
    strictSessionCookie(response);
    answer(response, HttpServletResponse.SC_OK, reader(userId, groupIds));
  }

  /** Adds {@code SameSite=Strict} (and {@code HttpOnly}) to the session cookie just set. */
  private static void strictSessionCookie(HttpServletResponse response) {
    List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
    for (int i = 0; i < cookies.size(); i++) {
      String cookie = cookies.get(i);
      if (cookie.startsWith("JSESSIONID=")) {
        String strict = cookie.replaceAll("(?i);\\s*SameSite=[^;]*", "") + "; SameSite=Strict";
        if (!strict.toLowerCase(Locale.ROOT).contains("httponly")) {
          strict += "; HttpOnly";
        }
        cookies.set(i, strict);
      }
    }
    for (int i = 0; i < cookies.size(); i++) {
      if (i == 0) {
        response.setHeader("Set-Cookie", cookies.get(i));
      } else {
        response.addHeader("Set-Cookie", cookies.get(i));
      }
    }
  }

  private List<String> groupsOf(String userId) {
    List<String> groupIds = new ArrayList<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      groupIds.add(group.getId());
    }
    return groupIds;
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }
    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
  }

  private void forbidden(HttpServletResponse response, String userId) throws IOException {
    problem(
        response,
        HttpServletResponse.SC_FORBIDDEN,
        "Forbidden",
        "user " + userId + " is not an auditor, supervisor or administrator");
  }

  private void answer(HttpServletResponse response, int status, AuditReader reader)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    json.writeValue(response.getOutputStream(), reader);
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /**
   * Which proposals the user may read: auditors and administrators every community's; a member of
   * {@code <community>.supervisor} groups only those communities'.
   */
  AuditReader reader(String userId, List<String> groupIds) {
    boolean all =
        groupIds.stream()
            .anyMatch(g -> Groups.AUDITORS.equals(g) || Groups.CAMUNDA_ADMIN.equals(g));
    Set<String> communities = new TreeSet<>();
    if (!all) {
      for (String g : groupIds) {
        if (Groups.isSupervisorGroup(g)) {
          communities.add(g.substring(0, g.length() - Role.SUPERVISOR.id().length() - 1));
        }
      }
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name =
        user == null
            ? userId
            : ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName()));
    return new AuditReader(userId, name.isBlank() ? userId : name, all, communities);
  }

  /** {user, password} from an {@code Authorization: Basic …} header, or null. */
  static String[] basicCredentials(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** An RFC 9457 problem, written by Jackson (so any text in it is escaped as JSON). */
  private void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setTitle(title);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }

  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final String userId;

    AuthenticatedRequest(HttpServletRequest request, String userId) {
      super(request);
      this.userId = userId;
    }

    @Override
    public String getRemoteUser() {
      return userId;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> userId;
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
