package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * A caseworker sorts a proposal of their own community through the Camunda REST API, as Tasklist
 * does: the real process, the real tables, the real form and authorizations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProposalSortingIT {

  private static final String PASSWORD = "Sorting-Test-2026";
  private static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String MA_AN = "jn-smq-ma"; // 马鞍社区

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void caseworkers() {
    user("sorter-jldbl", JLDBL + ".caseworker");
    user("sorter-ma", MA_AN + ".caseworker");
    user("intake-jldbl", JLDBL + ".gridworker");
    user("river-officer", "dept-river.department");
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("分拣");
      user.setLastName(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private ProcessInstance submitWaterfallNoise() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(DESCRIPTION.name(), "南堰河与府河交汇处两米多高的瀑布，汛期水声巨大，2幢居民夜间无法入睡。");
    v.put(COMMUNITY.name(), JLDBL);
    v.put(COURTYARD.name(), "jn-jld-jldbl-jhy");
    v.put(SUBMITTER_NAME.name(), "张先生");
    v.put(SUBMITTER_PHONE.name(), "13900000001");
    v.put(TOPIC.name(), "NOISE");
    v.put(SCOPE.name(), "BUILDING");
    v.put(JURISDICTION.name(), "DISTRICT");
    v.put(CROSS_JURISDICTION.name(), true);
    v.put(STAKEHOLDER_PARTIES.name(), 4);
    v.put(AFFECTED_HOUSEHOLDS.name(), 60);
    return runtimeService.startProcessInstanceByKey(KEY, v);
  }

  private <T> ResponseEntity<T> as(
      String user, HttpMethod method, String path, Object body, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  @Test
  void caseworkerOfTheCommunitySortsTheProposalInTasklistAndOthersCannotSeeIt() {
    ProcessInstance instance = submitWaterfallNoise();
    String query = "/engine-rest/task?processInstanceId=" + instance.getId();

    JsonNode mine = as("sorter-jldbl", HttpMethod.GET, query, null, JsonNode.class).getBody();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("name").asText()).isEqualTo("分拣提案");
    assertThat(mine.get(0).get("due").asText()).isNotEmpty();
    String taskId = mine.get(0).get("id").asText();

    JsonNode theirs = as("sorter-ma", HttpMethod.GET, query, null, JsonNode.class).getBody();
    assertThat(theirs).isEmpty();

    // the Camunda Form Tasklist shows, loadable by the caseworker
    ResponseEntity<JsonNode> form =
        as(
            "sorter-jldbl",
            HttpMethod.GET,
            "/engine-rest/task/" + taskId + "/deployed-form",
            null,
            JsonNode.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id").asText()).isEqualTo("Form_SortProposal");
    // what the form shows of the submission: who, and when (as staff read a time)
    JsonNode shown =
        as(
                "sorter-jldbl",
                HttpMethod.GET,
                "/engine-rest/task/" + taskId + "/form-variables",
                null,
                JsonNode.class)
            .getBody();
    assertThat(shown.path(SUBMITTER_NAME.name()).path("value").asText()).isEqualTo("张先生");
    assertThat(shown.path(SUBMITTED_AT_TEXT.name()).path("value").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    // what the task's card in Tasklist shows: the caseworker may read the task, not the instance
    JsonNode card =
        as(
                "sorter-jldbl",
                HttpMethod.GET,
                "/engine-rest/task/" + taskId + "/localVariables",
                null,
                JsonNode.class)
            .getBody();
    assertThat(card.path(NUMBER.name()).path("value").asText())
        .isEqualTo(runtimeService.getVariable(instance.getId(), NUMBER.name()))
        .startsWith("JN-");
    assertThat(card.path(TITLE.name()).path("value").asText())
        .isEqualTo(runtimeService.getVariable(instance.getId(), TITLE.name()));
    // Tasklist's follow-up date: the time-limit table's reminder lead time before the due date
    assertThat(mine.get(0).get("followUp").asText()).isNotEmpty();

    // the classification the caseworker confirms: the waterfall case is a hard matter for the
    // district
    Map<String, Object> classification =
        runtimeService.getVariables(
            instance.getId(), List.of(CATEGORY.name(), TRACK.name(), LEVEL.name()));
    assertThat(classification)
        .containsEntry(CATEGORY.name(), "REMEDIATION")
        .containsEntry(TRACK.name(), "HARD")
        .containsEntry(LEVEL.name(), "DISTRICT");

    Map<String, Object> completion =
        Map.of("variables", Map.of(EXCLUSION.name(), Map.of("value", "NONE", "type", "String")));
    assertThat(
            as(
                    "sorter-ma",
                    HttpMethod.POST,
                    "/engine-rest/task/" + taskId + "/complete",
                    completion,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // a refusal of a server-side check reaches Tasklist as 400 with the Chinese message alone
    Map<String, Object> excludedWithoutReason =
        Map.of("variables", Map.of(EXCLUSION.name(), Map.of("value", "PRIVACY", "type", "String")));
    ResponseEntity<JsonNode> refused =
        as(
            "sorter-jldbl",
            HttpMethod.POST,
            "/engine-rest/task/" + taskId + "/complete",
            excludedWithoutReason,
            JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("告知提案人的说明：不予协商的事项须说明理由和去向，告知提案人");
    assertThat(refused.getBody().get("field").asText()).isEqualTo(SORTING_NOTE.name());
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // a correction without a reason, submitted as Tasklist submits the form: the reason field by
    // its label, the values by their names in the form, no key names or codes
    Map<String, Object> correctedWithoutReason =
        Map.of(
            "variables",
            Map.of(
                TOPIC.name(), Map.of("value", "CULTURE_SPORTS", "type", "String"),
                EXCLUSION.name(), Map.of("value", "NONE", "type", "String")));
    ResponseEntity<JsonNode> noReason =
        as(
            "sorter-jldbl",
            HttpMethod.POST,
            "/engine-rest/task/" + taskId + "/submit-form",
            correctedWithoutReason,
            JsonNode.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").asText())
        .isEqualTo("更正理由：议题由“整治类：噪声”改为“社区服务类：文体”，须写明理由");
    assertThat(noReason.getBody().get("field").asText()).isEqualTo(CORRECTION_REASON.name());
    assertThat(runtimeService.getVariable(instance.getId(), TOPIC.name())).isEqualTo("NOISE");

    assertThat(
            as(
                    "sorter-jldbl",
                    HttpMethod.POST,
                    "/engine-rest/task/" + taskId + "/complete",
                    completion,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    List<String> passed =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .toList();
    assertThat(passed).contains(TASK_SORT_PROPOSAL, TASK_CHECK_ELIGIBILITY, TASK_REVIEW_AT_LEVEL);
    // eligible: it now waits for review at its entry unit, the courtyard 菁华园 (a courtyard matter)
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup("jn-jld-jldbl-jhy.caseworker")
                .taskDefinitionKey(TASK_REVIEW_AT_LEVEL)
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(ROUTE.name())
                .singleResult()
                .getValue())
        .isEqualTo("DELIBERATE");
  }

  @Test
  void aGridWorkerTakesInAProposalWithTasklistsStartFormAndADepartmentCannot() {
    String startForm = "/engine-rest/process-definition/key/" + KEY + "/deployed-start-form";
    ResponseEntity<JsonNode> form =
        as("intake-jldbl", HttpMethod.GET, startForm, null, JsonNode.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id").asText()).isEqualTo("Form_SubmitProposal");

    Map<String, Object> fields = new HashMap<>();
    fields.put(TITLE.name(), Map.of("value", "九里堤北路社区增设休闲座椅", "type", "String"));
    fields.put(DESCRIPTION.name(), Map.of("value", "社区广场缺少座椅，老人散步无处歇脚。", "type", "String"));
    fields.put(COMMUNITY.name(), Map.of("value", JLDBL, "type", "String"));
    fields.put(SUBMITTER_NAME.name(), Map.of("value", "孙奶奶", "type", "String"));
    fields.put(SUBMITTER_PHONE.name(), Map.of("value", "13812345678", "type", "String"));
    fields.put(TOPIC.name(), Map.of("value", "FACILITIES", "type", "String"));
    fields.put(SCOPE.name(), Map.of("value", "COMMUNITY", "type", "String"));
    fields.put(ESTIMATED_COST.name(), Map.of("value", 3000, "type", "Long"));
    String submit = "/engine-rest/process-definition/key/" + KEY + "/submit-form";

    ResponseEntity<JsonNode> byDepartment =
        as("river-officer", HttpMethod.POST, submit, Map.of("variables", fields), JsonNode.class);
    assertThat(byDepartment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> badPhone = new HashMap<>(fields);
    badPhone.put(SUBMITTER_PHONE.name(), Map.of("value", "12345", "type", "String"));
    ResponseEntity<JsonNode> refused =
        as("intake-jldbl", HttpMethod.POST, submit, Map.of("variables", badPhone), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // named by its label in the start form, not by its key
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("提案人手机号：" + ProposalFields.MOBILE_MESSAGE)
        .doesNotContain(SUBMITTER_PHONE.name());
    assertThat(refused.getBody().get("field").asText()).isEqualTo(SUBMITTER_PHONE.name());

    ResponseEntity<JsonNode> started =
        as("intake-jldbl", HttpMethod.POST, submit, Map.of("variables", fields), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = started.getBody().get("id").asText();
    assertThat((String) runtimeService.getVariable(instanceId, NUMBER.name()))
        .matches("JN-\\d{4}-\\d{6}");
    assertThat(runtimeService.getVariable(instanceId, AFFECTED_HOUSEHOLDS.name()))
        .isEqualTo(1); // default filled in
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(TASK_SORT_PROPOSAL)
                .taskCandidateGroup(JLDBL + ".caseworker")
                .count())
        .isEqualTo(1);
  }
}
