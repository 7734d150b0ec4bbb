package cn.yishi.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A caseworker of one community cannot see, claim or complete a task of another community, while
 * the caseworkers of the task's own community can — through {@code /engine-rest} as each user and
 * through the Java API. Visibility comes only from the engine's per-task authorizations for the
 * candidate group {@code ${groups.caseworkers(community)}}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityTaskIsolationIT {

  static final String PROCESS = OrganisationTestProcess.KEY;
  static final String JLDBL = "jn-jld-jldbl";
  static final String MA = "jn-smq-ma";
  static final String PASSWORD = "demo";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void deployTestProcess() {
    OrganisationTestProcess.deploy(repositoryService);
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  /** Starts one instance (as the system) for a community and returns its only task. */
  Task startFor(String community) {
    String id =
        runtimeService
            .startProcessInstanceByKey(PROCESS, Map.of(CommonVariables.COMMUNITY.name(), community))
            .getId();
    return taskService.createTaskQuery().processInstanceId(id).singleResult();
  }

  @Test
  void candidateGroupGetsPerTaskAuthorizationsOnly() {
    Task task = startFor(JLDBL);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("jn-jld-jldbl.caseworker");
    Authorization perTask =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn("jn-jld-jldbl.caseworker")
            .resourceType(Resources.TASK)
            .resourceId(task.getId())
            .singleResult();
    assertThat(perTask).as("DefaultAuthorizationProvider grants the candidate group").isNotNull();
    assertThat(perTask.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn("jn-smq-ma.caseworker")
                .resourceType(Resources.TASK)
                .resourceId(task.getId())
                .count())
        .isZero();
  }

  @Test
  void overEngineRestEachCommunitySeesAndWorksOnlyItsOwnTask() throws Exception {
    Task jldblTask = startFor(JLDBL);
    Task maTask = startFor(MA);

    // each caseworker lists only the own community's task
    assertThat(visibleTaskIds("jldbl-caseworker"))
        .contains(jldblTask.getId())
        .doesNotContain(maTask.getId());
    assertThat(visibleTaskIds("jldbl-caseworker2"))
        .contains(jldblTask.getId())
        .doesNotContain(maTask.getId());
    assertThat(visibleTaskIds("ma-caseworker"))
        .contains(maTask.getId())
        .doesNotContain(jldblTask.getId());
    // other roles of the same community and department staff see neither
    assertThat(visibleTaskIds("jldbl-gridworker"))
        .doesNotContain(jldblTask.getId(), maTask.getId());
    assertThat(visibleTaskIds("river-staff")).doesNotContain(jldblTask.getId(), maTask.getId());

    // the other community: not found, no form, no claim, no completion
    assertThat(get("ma-caseworker", "/engine-rest/task/" + jldblTask.getId()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            get("ma-caseworker", "/engine-rest/task/" + jldblTask.getId() + "/deployed-form")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            get("ma-caseworker", "/engine-rest/task/" + jldblTask.getId() + "/form-variables")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "ma-caseworker",
                    "/engine-rest/task/" + jldblTask.getId() + "/claim",
                    "{\"userId\":\"ma-caseworker\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("ma-caseworker", "/engine-rest/task/" + jldblTask.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("jldbl-caseworker", "/engine-rest/task/" + maTask.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(jldblTask.getId()).singleResult().getAssignee())
        .isNull();

    // the own community: what Tasklist needs to render the Camunda Form, then claim and complete
    ResponseEntity<String> task =
        get("jldbl-caseworker2", "/engine-rest/task/" + jldblTask.getId());
    assertThat(task.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(task.getBody()).get("camundaFormRef").get("key").asText())
        .isEqualTo("yishiOrganisationTestForm");
    assertThat(
            get("jldbl-caseworker2", "/engine-rest/task/" + jldblTask.getId() + "/form")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> form =
        get("jldbl-caseworker2", "/engine-rest/task/" + jldblTask.getId() + "/deployed-form");
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("\"remark\"");
    assertThat(
            get("jldbl-caseworker2", "/engine-rest/task/" + jldblTask.getId() + "/form-variables")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post(
                    "jldbl-caseworker2",
                    "/engine-rest/task/" + jldblTask.getId() + "/claim",
                    "{\"userId\":\"jldbl-caseworker2\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            post(
                    "jldbl-caseworker2",
                    "/engine-rest/task/" + jldblTask.getId() + "/submit-form",
                    "{\"variables\":{\"remark\":{\"value\":\"属于社区事\",\"type\":\"String\"}}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            post("ma-caseworker", "/engine-rest/task/" + maTask.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(jldblTask.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(maTask.getId()).count()).isZero();
  }

  @Test
  void overTheJavaApiEachCommunitySeesAndWorksOnlyItsOwnTask() {
    Task jldblTask = startFor(JLDBL);
    Task maTask = startFor(MA);

    authenticate("ma-caseworker");
    assertThat(taskService.createTaskQuery().taskId(jldblTask.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).list())
        .extracting(Task::getId)
        .contains(maTask.getId())
        .doesNotContain(jldblTask.getId());
    assertThatThrownBy(() -> taskService.claim(jldblTask.getId(), "ma-caseworker"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(jldblTask.getId()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setVariable(jldblTask.getId(), "x", 1))
        .isInstanceOf(AuthorizationException.class);
    taskService.complete(maTask.getId());

    authenticate("jldbl-caseworker");
    assertThat(taskService.createTaskQuery().taskId(jldblTask.getId()).count()).isEqualTo(1);
    taskService.claim(jldblTask.getId(), "jldbl-caseworker");
    taskService.complete(jldblTask.getId());
    identityService.clearAuthentication();
    assertThat(taskService.createTaskQuery().taskId(jldblTask.getId()).count()).isZero();
  }

  @Test
  void courtyardAndStreetTasksGoToTheirOwnCaseworkers() {
    Task courtyardTask = startFor("jn-jld-jldbl-jhy");
    assertThat(taskService.getIdentityLinksForTask(courtyardTask.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("jn-jld-jldbl-jhy.caseworker");
    authenticate("jhy-convenor");
    assertThat(taskService.createTaskQuery().taskId(courtyardTask.getId()).count()).isEqualTo(1);
    authenticate("jldbl-caseworker");
    assertThat(taskService.createTaskQuery().taskId(courtyardTask.getId()).count()).isZero();
    authenticate("jld-caseworker");
    assertThat(taskService.createTaskQuery().taskId(courtyardTask.getId()).count()).isZero();
  }

  @Test
  void anUnknownCommunityFailsNamingTheCode() {
    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    PROCESS, Map.of(CommonVariables.COMMUNITY.name(), "jn-jld-nowhere")))
        .hasStackTraceContaining("no organisation unit with code 'jn-jld-nowhere'");
  }

  @Test
  void sharedTasklistFiltersShowTheGroupsAndTheOwnTasks() throws Exception {
    Task jldblTask = startFor(JLDBL);
    Task maTask = startFor(MA);
    ResponseEntity<String> filters = get("ma-caseworker", "/engine-rest/filter?resourceType=Task");
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    String groupFilter = null;
    String myFilter = null;
    for (JsonNode filter : json.readTree(filters.getBody())) {
      if (IdentitySync.FILTER_GROUP_TASKS.equals(filter.get("name").asText())) {
        groupFilter = filter.get("id").asText();
      } else if (IdentitySync.FILTER_MY_TASKS.equals(filter.get("name").asText())) {
        myFilter = filter.get("id").asText();
      }
    }
    assertThat(groupFilter).isNotNull();
    assertThat(myFilter).isNotNull();

    List<String> groupTasks =
        ids(
            post(
                "ma-caseworker",
                "/engine-rest/filter/" + groupFilter + "/list?maxResults=1000",
                "{}"));
    assertThat(groupTasks).contains(maTask.getId()).doesNotContain(jldblTask.getId());

    assertThat(
            post(
                    "ma-caseworker",
                    "/engine-rest/task/" + maTask.getId() + "/claim",
                    "{\"userId\":\"ma-caseworker\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            ids(
                post(
                    "ma-caseworker",
                    "/engine-rest/filter/" + myFilter + "/list?maxResults=1000",
                    "{}")))
        .contains(maTask.getId());
    assertThat(
            ids(
                post(
                    "jldbl-caseworker",
                    "/engine-rest/filter/" + myFilter + "/list?maxResults=1000",
                    "{}")))
        .doesNotContain(maTask.getId(), jldblTask.getId());
    assertThat(
            ids(
                post(
                    "jldbl-caseworker",
                    "/engine-rest/filter/" + groupFilter + "/list?maxResults=1000",
                    "{}")))
        .contains(jldblTask.getId())
        .doesNotContain(maTask.getId());
  }

  @Test
  void eachRolesFiltersListItsUnitsWorkAlsoWhatAColleagueClaimed() throws Exception {
    Task claimed = startFor(JLDBL);
    Task open = startFor(JLDBL);
    Task elsewhere = startFor(MA);
    taskService.claim(claimed.getId(), "jldbl-caseworker2");
    Instant now = Instant.now();
    due(claimed, now.minus(Duration.ofHours(1)));
    due(open, now.plus(Duration.ofHours(2)));
    due(elsewhere, now.plus(Duration.ofHours(2)));
    runtimeService.setVariable(open.getProcessInstanceId(), CommonVariables.TRACK.name(), "URGENT");

    // the community's caseworkers: their unit's work, also what a colleague claimed
    assertThat(filtered("jldbl-caseworker", IdentitySync.FILTER_UNIT_TASKS))
        .contains(claimed.getId(), open.getId())
        .doesNotContain(elsewhere.getId());
    assertThat(filtered("jldbl-caseworker", IdentitySync.FILTER_GROUP_TASKS))
        .contains(open.getId())
        .doesNotContain(claimed.getId(), elsewhere.getId());
    assertThat(filtered("jldbl-caseworker2", IdentitySync.FILTER_MY_TASKS))
        .contains(claimed.getId())
        .doesNotContain(open.getId());
    assertThat(filtered("jldbl-caseworker", IdentitySync.FILTER_DUE_SOON))
        .contains(open.getId())
        .doesNotContain(claimed.getId(), elsewhere.getId());
    assertThat(filtered("jldbl-caseworker", IdentitySync.FILTER_OVERDUE))
        .contains(claimed.getId())
        .doesNotContain(open.getId(), elsewhere.getId());
    assertThat(
            filtered(
                "jldbl-caseworker",
                IdentitySync.FILTER_TRACK_PREFIX + IdentitySync.TRACKS.get("URGENT")))
        .contains(open.getId())
        .doesNotContain(claimed.getId());
    assertThat(
            filtered(
                "jldbl-caseworker",
                IdentitySync.FILTER_TRACK_PREFIX + IdentitySync.TRACKS.get("MINOR")))
        .doesNotContain(open.getId(), claimed.getId());

    // another community's caseworker and the community's other roles: none of these
    assertThat(filtered("ma-caseworker", IdentitySync.FILTER_UNIT_TASKS))
        .contains(elsewhere.getId())
        .doesNotContain(claimed.getId(), open.getId());
    assertThat(filtered("ma-caseworker", IdentitySync.FILTER_DUE_SOON)).contains(elsewhere.getId());
    for (String role : List.of("jldbl-gridworker", "jldbl-supervisor", "jldbl-committee")) {
      assertThat(filtered(role, IdentitySync.FILTER_UNIT_TASKS)).as(role).isEmpty();
      assertThat(filtered(role, IdentitySync.FILTER_OVERDUE)).as(role).isEmpty();
    }
  }

  /** What the shared filter of this name lists for the user, over /engine-rest as Tasklist asks. */
  List<String> filtered(String user, String filterName) throws Exception {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    return ids(post(user, "/engine-rest/filter/" + id + "/list?maxResults=1000", "{}"));
  }

  void due(Task task, Instant at) {
    Task current = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    current.setDueDate(Date.from(at));
    taskService.saveTask(current);
  }

  // --- helpers

  void authenticate(String userId) {
    identityService.clearAuthentication(); // group queries are authorization-checked too
    List<String> groupIds = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      groupIds.add(group.getId());
    }
    identityService.setAuthentication(userId, groupIds);
  }

  List<String> visibleTaskIds(String user) throws Exception {
    ResponseEntity<String> response =
        get(user, "/engine-rest/task?processDefinitionKey=" + PROCESS + "&maxResults=1000");
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return ids(response);
  }

  List<String> ids(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : json.readTree(response.getBody())) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
