package cn.yishi.security;

import cn.yishi.audit.AuditReader;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/audit/*} against Camunda's identity. Anonymous or bad credentials:
 * {@code 401} with {@code WWW-Authenticate}; a valid user who is not in {@code auditors}, a {@code
 * *.supervisor} group or {@code camunda-admin}: {@code 403}. For an admitted request the engine's
 * authentication is set to the user (so engine queries apply their authorizations) and cleared
 * afterwards; {@link HttpServletRequest#getRemoteUser()} is the user id and the request attribute
 * {@value #GROUPS_ATTRIBUTE} holds their group ids.
 */
public class AuditAuthenticationFilter extends OncePerRequestFilter {

  public static final String GROUPS_ATTRIBUTE = "yishi.auditor.groups";
  static final String REALM = "yishi-audit";

  private final IdentityService identity;

  public AuditAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
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
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    identity.clearAuthentication();
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      problem(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Unauthorized",
          "the audit API needs HTTP Basic credentials of an auditor");
      return;
    }
    String userId = credentials[0];
    List<String> groupIds = new ArrayList<>();
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      groupIds.add(group.getId());
    }
    if (!mayAudit(groupIds)) {
      problem(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          "user " + userId + " is not an auditor, supervisor or administrator");
      return;
    }
    List<String> tenantIds = new ArrayList<>();
    for (Tenant tenant :
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()) {
      tenantIds.add(tenant.getId());
    }
    request.setAttribute(GROUPS_ATTRIBUTE, List.copyOf(groupIds));
    request.setAttribute(AuditReader.ATTRIBUTE, reader(userId, groupIds));
    identity.setAuthentication(userId, groupIds, tenantIds);
    try {
      chain.doFilter(new AuthenticatedRequest(request, userId), response);
    } finally {
      identity.clearAuthentication();
    }
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

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
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
