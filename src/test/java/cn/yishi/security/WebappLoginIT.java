package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.IdentitySync;
import cn.yishi.organisation.OrganisationTestProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logs into the webapps the way the browser does: GET a webapp page (the CSRF filter hands out the
 * {@code XSRF-TOKEN} cookie and a session), then {@code POST
 * /camunda/api/admin/auth/user/default/login/{app}} with the token in {@code X-XSRF-TOKEN}. The
 * login answers 200 when the user has APPLICATION ACCESS to the app, else 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappLoginIT {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void caseworkerUsesTasklistOnly() throws Exception {
    assertThat(login("jldbl-caseworker", "tasklist")).isEqualTo(200);
    assertThat(login("jldbl-caseworker", "cockpit")).isEqualTo(403);
    assertThat(login("jldbl-caseworker", "admin")).isEqualTo(403);
    assertThat(login("jldbl-caseworker", "welcome")).isEqualTo(200);
    assertThat(login("river-staff", "tasklist")).isEqualTo(200);
    assertThat(login("river-staff", "cockpit")).isEqualTo(403);
  }

  @Test
  void auditorUsesCockpitAndPolicyStaffCockpitOnly() throws Exception {
    assertThat(login("auditor", "cockpit")).isEqualTo(200);
    assertThat(login("auditor", "admin")).isEqualTo(403);
    // supervisors see only their own community: not in Cockpit, which shows every community
    assertThat(login("jldbl-supervisor", "cockpit")).isEqualTo(403);
    assertThat(login("jldbl-supervisor", "tasklist")).isEqualTo(200);
    assertThat(login("policy", "cockpit")).isEqualTo(200);
    assertThat(login("policy", "admin")).isEqualTo(403);
  }

  @Test
  void caseworkerWorksInTasklistOnOwnCommunityTasksOnly() throws Exception {
    OrganisationTestProcess.deploy(repositoryService);
    String own = startTask("jn-jld-jldbl");
    String other = startTask("jn-smq-ma");
    HttpClient client = client();
    String token = xsrfToken(client, "tasklist");
    assertThat(
            client
                .send(
                    loginRequest("jldbl-caseworker", "tasklist", token),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    String api = base() + "/camunda/api/engine/engine/default";

    // what Tasklist asks first: the filters with their counts
    HttpResponse<String> filters =
        client.send(
            HttpRequest.newBuilder(URI.create(api + "/filter?resourceType=Task&itemCount=true"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).isEqualTo(200);
    String groupFilter = null;
    for (JsonNode filter : json.readTree(filters.body())) {
      if (IdentitySync.FILTER_GROUP_TASKS.equals(filter.get("name").asText())) {
        groupFilter = filter.get("id").asText();
      }
    }
    assertThat(filters.body()).contains(IdentitySync.FILTER_MY_TASKS);
    assertThat(groupFilter).isNotNull();
    // the login gave the user a new session: its first GET brought a new XSRF-TOKEN cookie
    String sessionToken = cookie(client, "XSRF-TOKEN");
    assertThat(sessionToken).isNotEqualTo(token);

    // the task list as Tasklist loads it (HAL, with embedded resources)
    HttpResponse<String> list =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        api + "/filter/" + groupFilter + "/list?firstResult=0&maxResults=1000"))
                .header("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", sessionToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains(own).doesNotContain(other);

    // rendering the Camunda Form of the own task; not of the other community's
    assertThat(getStatus(client, api + "/task/" + own + "/form")).isEqualTo(200);
    assertThat(getStatus(client, api + "/task/" + own + "/deployed-form")).isEqualTo(200);
    assertThat(getStatus(client, api + "/task/" + own + "/form-variables")).isEqualTo(200);
    assertThat(getStatus(client, api + "/task/" + other + "/deployed-form")).isEqualTo(403);
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpClient client = client();
    HttpResponse<String> response =
        client.send(
            loginRequest("jldbl-caseworker", "tasklist", null),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void wrongPasswordIsUnauthorized() throws Exception {
    assertThat(login("nobody-at-all", "tasklist", "wrong")).isEqualTo(401);
  }

  @Test
  void aCaseworkerOpeningCockpitIsToldInChineseToUseTasklist() throws Exception {
    HttpResponse<String> cockpit = loginAnswer("jldbl-caseworker", "cockpit", DEMO_PASSWORD);
    assertThat(cockpit.statusCode()).isEqualTo(403);
    // the login page shows the answer's message in place of "Wrong credentials, locked user …"
    assertThat(json.readTree(cockpit.body()).get("message").asText())
        .isEqualTo(StaffRefusals.USE_TASKLIST)
        .contains("任务列表");
    HttpResponse<String> admin = loginAnswer("auditor", "admin", DEMO_PASSWORD);
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(json.readTree(admin.body()).get("message").asText())
        .isEqualTo(StaffRefusals.ADMIN_ONLY);
    // a wrong password (an unknown user here: a wrong password would lock the caseworker for
    // the other tests) is not taken for a missing right, nor is a missing CSRF token
    HttpResponse<String> wrong = loginAnswer("nobody-at-all", "cockpit", "wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("任务列表");
    HttpResponse<String> noToken =
        client()
            .send(
                loginRequest("jldbl-caseworker", "cockpit", null),
                HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).doesNotContain("任务列表");
  }

  @Test
  void anAuditorTryingACockpitActionIsRefusedShortlyInChinese() throws Exception {
    OrganisationTestProcess.deploy(repositoryService);
    startTask("jn-jld-jldbl");
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OrganisationTestProcess.KEY)
            .list()
            .get(0)
            .getId();
    HttpResponse<String> suspend =
        client()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base() + "/engine-rest/process-instance/" + instance + "/suspended"))
                    .header("Authorization", basic("auditor"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\":true}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(suspend.statusCode()).isEqualTo(403);
    JsonNode refusal = json.readTree(suspend.body());
    assertThat(refusal.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(refusal.get("message").asText())
        .isEqualTo(cn.yishi.config.StepInputErrors.NO_PERMISSION);
    assertThat(suspend.body()).doesNotContain("does not have");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .active()
                .count())
        .isEqualTo(1);
  }

  @Test
  void browsersGetYishisChineseErrorPagesWhileTheApisKeepTheirJson() throws Exception {
    for (String page : new String[] {"/no-such-page", "/camunda/no-such-page"}) {
      HttpResponse<String> answer = get(page, "text/html,application/xhtml+xml");
      assertThat(answer.statusCode()).as(page).isEqualTo(404);
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(answer.body())
          .as(page)
          .contains("页面不存在", "任务列表")
          .doesNotContain("Whitelabel", "Not Found", "timestamp");
    }
    HttpResponse<String> api = get("/api/no-such-resource", "text/html");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");
    HttpResponse<String> engine = get("/engine-rest/no-such-resource", "text/html");
    assertThat(engine.statusCode()).isEqualTo(401);
    assertThat(engine.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("text/html");
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return client()
        .send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", accept)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> loginAnswer(String user, String app, String password) throws Exception {
    HttpClient client = client();
    String token = xsrfToken(client, app);
    return client.send(
        loginRequest(user, app, password, token), HttpResponse.BodyHandlers.ofString());
  }

  int login(String user, String app) throws Exception {
    return login(user, app, DEMO_PASSWORD);
  }

  int login(String user, String app, String password) throws Exception {
    HttpClient client = client();
    String token = xsrfToken(client, app);
    HttpResponse<String> response =
        client.send(loginRequest(user, app, password, token), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /** GETs the app's page: the CSRF filter answers with the XSRF-TOKEN cookie (and a session). */
  String xsrfToken(HttpClient client, String app) throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base() + "/camunda/app/" + app + "/default/"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String token = cookie(client, "XSRF-TOKEN");
    assertThat(token).as("XSRF-TOKEN cookie").isNotBlank();
    return token;
  }

  static String cookie(HttpClient client, String name) {
    CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
    String value = null;
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (name.equals(cookie.getName())) {
        value = cookie.getValue();
      }
    }
    return value;
  }

  int getStatus(HttpClient client, String url) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  String startTask(String community) {
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                OrganisationTestProcess.KEY, Map.of(CommonVariables.COMMUNITY.name(), community))
            .getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  HttpRequest loginRequest(String user, String app, String token) {
    return loginRequest(user, app, DEMO_PASSWORD, token);
  }

  HttpRequest loginRequest(String user, String app, String password, String token) {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(base() + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return request.build();
  }

  HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  String base() {
    return "http://localhost:" + port;
  }
}
