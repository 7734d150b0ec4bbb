package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** HTTP Basic on {@code /engine-rest/*} and {@code /api/audit/*}; the organisation stays public. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpAuthenticationIT {

  static final String AUDIT = "/api/audit/proposals/JN-2026-000001";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @Value("${camunda.bpm.admin-user.id}")
  String adminId;

  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;

  @Test
  void engineRestNeedsCredentials() {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/engine/default/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("nobody", "wrong")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("jldbl-caseworker", DEMO_PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestRejectsAWrongPasswordOfAnExistingUser() {
    User user =
        identityService.createUserQuery().userId("yishi-test-wrong-password").singleResult();
    if (user == null) {
      user = identityService.newUser("yishi-test-wrong-password");
      user.setFirstName("测试");
      user.setLastName("用户");
      user.setPassword("right-password");
      identityService.saveUser(user);
    }
    assertThat(
            rest.withBasicAuth(user.getId(), "wrong-password")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth(user.getId(), "wrong-password")
                .getForEntity(AUDIT, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void auditApiNeedsAnAuditor() {
    ResponseEntity<String> anonymous = rest.getForEntity(AUDIT, String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .startsWith("Basic realm=");
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(
            rest.withBasicAuth("nobody", "wrong").getForEntity(AUDIT, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    for (String outsider :
        new String[] {"jldbl-caseworker", "policy", "river-staff", "jn-committee"}) {
      assertThat(
              rest.withBasicAuth(outsider, DEMO_PASSWORD)
                  .getForEntity(AUDIT, String.class)
                  .getStatusCode())
          .as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    // admitted: the audit endpoint may not exist yet (404), but it is never 401/403
    for (String[] auditor :
        new String[][] {
          {"auditor", DEMO_PASSWORD}, {"jldbl-supervisor", DEMO_PASSWORD}, {adminId, adminPassword}
        }) {
      HttpStatus status =
          HttpStatus.valueOf(
              rest.withBasicAuth(auditor[0], auditor[1])
                  .getForEntity(AUDIT, String.class)
                  .getStatusCode()
                  .value());
      assertThat(status).as(auditor[0]).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void organisationIsPublic() {
    assertThat(rest.getForEntity("/api/organisation", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
