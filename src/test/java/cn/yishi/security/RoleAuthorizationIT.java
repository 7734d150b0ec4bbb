package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static cn.yishi.security.SecurityTestSupport.authenticate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.OrganisationTestProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Auditors read everything and change nothing; supervisors read no instance here (their own
 * community's proposals in the audit API) and change nothing; policy staff deploy; caseworkers do
 * not deploy — over {@code /engine-rest} with HTTP Basic as each user and over the Java API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAuthorizationIT {

  static final String PROCESS = OrganisationTestProcess.KEY;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired cn.yishi.organisation.IdentitySync identitySync;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void deploy() {
    OrganisationTestProcess.deploy(repositoryService);
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  String startForJldbl() {
    return runtimeService
        .startProcessInstanceByKey(
            PROCESS, Map.of(CommonVariables.COMMUNITY.name(), "jn-jld-jldbl"))
        .getId();
  }

  @Test
  void auditorAndSupervisorReadInstancesTasksAndHistoryButChangeNothing() throws Exception {
    String instance = startForJldbl();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    for (String reader : new String[] {"auditor", "jldbl-supervisor"}) {
      // auditors read every community's instances in Cockpit and over REST; a community's
      // supervisors none there (they read their own community's proposals in the audit API)
      boolean auditor = "auditor".equals(reader);
      int one = auditor ? 1 : 0;
      assertThat(
              count(reader, "/engine-rest/history/process-instance?processInstanceId=" + instance))
          .as(reader)
          .isEqualTo((long) one);
      assertThat(count(reader, "/engine-rest/process-instance?processInstanceIds=" + instance))
          .as(reader)
          .isEqualTo((long) one);
      assertThat(count(reader, "/engine-rest/task?processInstanceId=" + instance))
          .as(reader)
          .isEqualTo((long) one);
      assertThat(count(reader, "/engine-rest/history/task?processInstanceId=" + instance))
          .as(reader)
          .isEqualTo((long) one);
      assertThat(
              count(reader, "/engine-rest/history/activity-instance?processInstanceId=" + instance))
          .as(reader)
          .isBetween(auditor ? 2L : 0L, auditor ? Long.MAX_VALUE : 0L);
      assertThat(count(reader, "/engine-rest/process-definition?key=" + PROCESS))
          .as(reader)
          .isGreaterThanOrEqualTo(1);
      if (!auditor) {
        assertThat(count(reader, "/engine-rest/deployment?name=yishi-organisation-test"))
            .as(reader)
            .isZero();
      } else {
        assertThat(count(reader, "/engine-rest/deployment?name=yishi-organisation-test"))
            .isGreaterThanOrEqualTo(1);
        assertThat(get(reader, "/engine-rest/history/user-operation?maxResults=5").getStatusCode())
            .isEqualTo(HttpStatus.OK);
      }

      assertThat(
              send(reader, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{}")
                  .getStatusCode())
          .as(reader + " completes a task")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(
              send(
                      reader,
                      HttpMethod.POST,
                      "/engine-rest/task/" + task.getId() + "/claim",
                      "{\"userId\":\"" + reader + "\"}")
                  .getStatusCode())
          .as(reader + " claims a task")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(
              send(
                      reader,
                      HttpMethod.PUT,
                      "/engine-rest/process-instance/" + instance + "/variables/x",
                      "{\"value\":1,\"type\":\"Integer\"}")
                  .getStatusCode())
          .as(reader + " sets a variable")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(
              send(reader, HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null)
                  .getStatusCode())
          .as(reader + " deletes an instance")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(deploy(reader, "auditor-upload").getStatusCode())
          .as(reader + " deploys")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isNull();

    authenticate(identityService, "auditor");
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThatThrownBy(() -> taskService.complete(task.getId()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.deleteProcessInstance(instance, "test"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.setVariable(instance, "x", 1))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .addClasspathResource("organisation/policy-upload.bpmn")
                    .deploy())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    PROCESS, Map.of(CommonVariables.COMMUNITY.name(), "jn-jld-jldbl")))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aSupervisorsCockpitAndReadRightsFromAnOlderVersionAreWithdrawnAtTheNextSync() {
    String supervisors = "jn-jld-jldbl.supervisor";
    org.camunda.bpm.engine.authorization.Authorization old =
        authorizationService.createNewAuthorization(
            org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(supervisors);
    old.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
    old.setResourceId(org.camunda.bpm.engine.authorization.Authorization.ANY);
    old.addPermission(org.camunda.bpm.engine.authorization.ProcessInstancePermissions.READ);
    authorizationService.saveAuthorization(old);
    String instance = startForJldbl();
    assertThat(
            count(
                "jldbl-supervisor", "/engine-rest/process-instance?processInstanceIds=" + instance))
        .as("with the old grant")
        .isEqualTo(1);

    identitySync.synchronise();

    assertThat(
            count(
                "jldbl-supervisor", "/engine-rest/process-instance?processInstanceIds=" + instance))
        .as("after the sync")
        .isZero();
    assertThat(count("jldbl-supervisor", "/engine-rest/process-definition?key=" + PROCESS))
        .as("the procedures stay readable")
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void policyStaffDeployOverRestAndCaseworkersDoNot() throws Exception {
    ResponseEntity<String> denied = deploy("jldbl-caseworker", "caseworker-upload");
    assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy("river-staff", "department-upload").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> deployed = deploy("policy", "policy-upload");
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(deployed.getBody());
    String deploymentId = body.get("id").asText();
    assertThat(body.get("deployedProcessDefinitions").toString()).contains("yishiPolicyUploadTest");
    assertThat(count("policy", "/engine-rest/process-definition?key=yishiPolicyUploadTest"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            get("policy", "/engine-rest/deployment/" + deploymentId + "/resources").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // deploying the same file again (duplicate filtering, as Camunda Modeler may) works too
    assertThat(deploy("policy", "policy-upload").getStatusCode()).isEqualTo(HttpStatus.OK);

    // policy staff neither work tasks nor touch instances
    String instance = startForJldbl();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(
            send("policy", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            send("policy", HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            count("policy", "/engine-rest/history/process-instance?processInstanceId=" + instance))
        .isEqualTo(1);

    // and do not delete deployments, not even one nobody runs (administrators only)
    assertThat(
            send("policy", HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId, null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            send(
                    "jldbl-caseworker",
                    HttpMethod.DELETE,
                    "/engine-rest/deployment/" + deploymentId,
                    null)
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void caseworkersCannotReadOtherCommunitiesHistoryOrStartProcesses() {
    String instance = startForJldbl();
    assertThat(
            count(
                "ma-caseworker",
                "/engine-rest/history/process-instance?processInstanceId=" + instance))
        .isZero();
    assertThat(
            count("ma-caseworker", "/engine-rest/process-instance?processInstanceIds=" + instance))
        .isZero();
    assertThat(
            send(
                    "ma-caseworker",
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/" + PROCESS + "/start",
                    "{\"variables\":{\"community\":{\"value\":\"jn-smq-ma\"}}}")
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  // --- helpers

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DEMO_PASSWORD).getForEntity(path, String.class);
  }

  long count(String user, String path) {
    ResponseEntity<String> response = get(user, path);
    assertThat(response.getStatusCode())
        .as(user + " GET " + path + ": " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody()).size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** {@code POST /engine-rest/deployment/create} (multipart), as Camunda Modeler does. */
  ResponseEntity<String> deploy(String user, String deploymentName) throws IOException {
    byte[] bpmn;
    try (InputStream in = getClass().getResourceAsStream("/organisation/policy-upload.bpmn")) {
      bpmn = in.readAllBytes();
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("enable-duplicate-filtering", "true");
    parts.add("deployment-source", "yishi-test");
    parts.add(
        "policy-upload.bpmn",
        new ByteArrayResource(bpmn) {
          @Override
          public String getFilename() {
            return "policy-upload.bpmn";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, DEMO_PASSWORD)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }
}
