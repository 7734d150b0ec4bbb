package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Texts as long as Yishi allows (CONTRACT §1: a 5,000-character description; the forms' plans and
 * results) go through the residents' API, Tasklist's start and task forms (the engine's
 * submit-form) and the notice board whole, and stay whole in history, on H2 and PostgreSQL,
 * although Camunda's own string columns hold 4,000 characters. A summoned department reads only
 * what its steps need: never the submitter's phone. Jobs are run by the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class LongTextIT {

  private static final String DEMO = "demo";
  private static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String PHONE = "13987654321";
  private static final String MASKED = "139****4321";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired DecisionService decisionService;
  @Autowired JdbcTemplate jdbc;

  /** {@code length} characters of Chinese text, its last character different from the rest. */
  static String text(int length, String sentence) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length - 1) {
      text.append(sentence);
    }
    text.setLength(length - 1);
    return text.append('终').toString();
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, DEMO);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** The variable as the auditor reads it in Cockpit's history (REST, deserialized values). */
  private JsonNode historicVariable(String processInstanceId, String name) {
    ResponseEntity<JsonNode> found =
        as(
            "auditor",
            HttpMethod.GET,
            "/engine-rest/history/variable-instance?processInstanceId="
                + processInstanceId
                + "&variableName="
                + name,
            null);
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody()).hasSize(1);
    return found.getBody().get(0);
  }

  private void assertKeptWhole(String processInstanceId, String name, String text) {
    assertThat(runtimeService.getVariable(processInstanceId, name)).isEqualTo(text);
    JsonNode runtime =
        as(
                "auditor",
                HttpMethod.GET,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name,
                null)
            .getBody();
    assertThat(runtime.get("type").asText()).isEqualTo("String");
    assertThat(runtime.get("value").asText()).isEqualTo(text);
    JsonNode history = historicVariable(processInstanceId, name);
    assertThat(history.get("type").asText()).isEqualTo("String");
    assertThat(history.get("value").asText()).isEqualTo(text);
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .variableUpdates()
                .processInstanceId(processInstanceId)
                .list())
        .filteredOn(detail -> name.equals(((HistoricVariableUpdate) detail).getVariableName()))
        .isNotEmpty()
        .allSatisfy(
            detail -> assertThat(((HistoricVariableUpdate) detail).getValue()).isEqualTo(text));
  }

  private String instanceOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey(ProposalLifecycleProcess.KEY)
        .singleResult()
        .getId();
  }

  @Test
  void aFiveThousandCharacterDescriptionIsTakenByTheApiAndKeptWhole() {
    String description = text(5000, "南堰河与府河交汇处的瀑布汛期水声巨大，二幢居民夜间无法入睡。");
    Map<String, Object> proposal = ProposalApiIT.greening();
    proposal.put(CommonVariables.DESCRIPTION.name(), description);

    ResponseEntity<JsonNode> created = as(null, HttpMethod.POST, "/api/proposals", proposal);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().get("number").asText();
    assertThat(created.getBody().get("status").asText()).isEqualTo("SORTING");
    assertThat(http.getForEntity("/api/proposals/" + number, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertKeptWhole(instanceOf(number), CommonVariables.DESCRIPTION.name(), description);
  }

  @Test
  void aDescriptionOverFiveThousandCharactersIsRefusedNamingIt() {
    Map<String, Object> proposal = ProposalApiIT.greening();
    proposal.put(CommonVariables.DESCRIPTION.name(), text(5001, "描述过长。"));
    long before =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .count();

    ResponseEntity<JsonNode> refused = as(null, HttpMethod.POST, "/api/proposals", proposal);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactly(CommonVariables.DESCRIPTION.name());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(ProposalLifecycleProcess.KEY)
                .count())
        .isEqualTo(before);
  }

  @Test
  void aGridWorkerTakesInAFiveThousandCharacterDescriptionWithTasklistsStartForm() {
    String description = text(5000, "社区广场缺少座椅，老人散步无处歇脚，建议增设休闲座椅和遮阳棚。");
    Map<String, Object> fields = new HashMap<>();
    fields.put(CommonVariables.TITLE.name(), string("九里堤北路社区增设休闲座椅"));
    fields.put(CommonVariables.DESCRIPTION.name(), string(description));
    fields.put(CommonVariables.COMMUNITY.name(), string(JLDBL));
    fields.put(ProposalLifecycleProcess.SUBMITTER_NAME.name(), string("孙奶奶"));
    fields.put(CommonVariables.SUBMITTER_PHONE.name(), string("13812345678"));
    fields.put(ProposalLifecycleProcess.TOPIC.name(), string("FACILITIES"));
    fields.put(ProposalLifecycleProcess.SCOPE.name(), string("COMMUNITY"));

    ResponseEntity<JsonNode> started =
        as(
            "jldbl-gridworker",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + ProposalLifecycleProcess.KEY + "/submit-form",
            Map.of("variables", fields));

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertKeptWhole(
        started.getBody().get("id").asText(), CommonVariables.DESCRIPTION.name(), description);
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private Map<String, Object> implementation(String number, String resolution) {
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(CommonVariables.DESCRIPTION.name(), text(5000, "瀑布水声扰民。"));
    v.put(CommonVariables.COMMUNITY.name(), JLDBL);
    v.put(ProposalLifecycleProcess.SUBMITTER_NAME.name(), "张先生");
    v.put(CommonVariables.SUBMITTER_PHONE.name(), PHONE);
    v.put(cn.yishi.common.CommonVariables.DELIBERATION_UNIT.name(), JLDBL);
    v.put(cn.yishi.common.CommonVariables.RESOLUTION.name(), resolution);
    v.put(
        cn.yishi.common.CommonVariables.TIME_LIMITS.name(),
        new HashMap<>(
            decisionService
                .evaluateDecisionByKey("timeLimits")
                .variables(Map.of(CommonVariables.TRACK.name(), "HARD"))
                .evaluate()
                .getSingleResult()
                .getEntryMap()));
    return v;
  }

  private Task openTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private void runJobOf(String processInstanceId) {
    Job job =
        managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    managementService.executeJob(job.getId());
  }

  @Test
  void aFiveThousandCharacterResultGoesThroughTheTaskFormOntoTheNoticeBoardWhole() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    String resolution = text(5000, "在菁华园南侧堰坝加装消能台阶，降低落差处水声。");
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            cn.yishi.implementation.ImplementationProcess.KEY,
            number,
            implementation(number, resolution));
    taskService.complete(
        openTask(instance.getId()).getId(),
        Map.of(
            cn.yishi.common.CommonVariables.IMPLEMENTER.name(),
            cn.yishi.implementation.ImplementationProcess.RESIDENTS));
    taskService.complete(
        openTask(instance.getId()).getId(),
        Map.of(cn.yishi.implementation.ImplementationProcess.CARRY_OUT_NOTE.name(), "居民分楼栋施工。"));

    String result = text(5000, "消能台阶已建成，夜间水声由七十分贝降到四十五分贝。");
    Task record = openTask(instance.getId());
    ResponseEntity<JsonNode> submitted =
        as(
            "jldbl-caseworker",
            HttpMethod.POST,
            "/engine-rest/task/" + record.getId() + "/submit-form",
            Map.of(
                "variables",
                Map.of(
                    cn.yishi.implementation.ImplementationProcess.RESULT.name(), string(result))));

    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobOf(instance.getId()); // sign the result
    ProcessInstance notice =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult();
    runJobOf(notice.getId()); // publish it
    JsonNode board = http.getForEntity("/api/notices", JsonNode.class).getBody();
    List<JsonNode> posted =
        board.findParents("proposalNumber").stream()
            .filter(n -> number.equals(n.get("proposalNumber").asText()))
            .toList();
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).get("content").asText()).isEqualTo(result);
    assertKeptWhole(
        instance.getId(), cn.yishi.implementation.ImplementationProcess.RESULT.name(), result);

    runJobOf(notice.getId()); // the notice period is over: the proposal's implementation ends
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(
            historicVariable(
                    instance.getId(), cn.yishi.implementation.ImplementationProcess.RESULT.name())
                .get("value")
                .asText())
        .isEqualTo(result);
    assertThat(
            historicVariable(instance.getId(), cn.yishi.common.CommonVariables.RESOLUTION.name())
                .get("value")
                .asText())
        .isEqualTo(resolution);
    // the ended instances' runtime variables took their stored texts with them
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_GE_BYTEARRAY b WHERE b.NAME_ IN ('result', 'resolution', 'noticeContent')"
                    + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_VARIABLE v WHERE v.BYTEARRAY_ID_ = b.ID_)"
                    + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_VARINST h WHERE h.BYTEARRAY_ID_ = b.ID_)"
                    + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_DETAIL d WHERE d.BYTEARRAY_ID_ = b.ID_)",
                Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ IN (?, ?)",
                Integer.class,
                instance.getId(),
                notice.getId()))
        .isZero();
  }

  @Test
  void aSummonedDepartmentReadsWhatItsStepsNeedButNeverTheSubmittersPhone() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    String resolution = text(5000, "河长办现场勘查堰坝并提出降噪方案。");
    Map<String, Object> order = implementation(number, resolution);
    order.put(
        cn.yishi.common.CommonVariables.IMPLEMENTER.name(),
        cn.yishi.implementation.ImplementationProcess.DEPARTMENTS);
    order.put(cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS.name(), List.of("dept-river"));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            cn.yishi.implementation.ImplementationProcess.KEY, number, order);

    ProcessInstance summons =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .processDefinitionKey(cn.yishi.summons.DepartmentSummonsProcess.KEY)
            .singleResult();
    Map<String, Object> variables = runtimeService.getVariables(summons.getId());
    assertThat(variables)
        .doesNotContainKeys(
            CommonVariables.SUBMITTER_PHONE.name(),
            ProposalLifecycleProcess.SUBMITTER_NAME.name(),
            CommonVariables.DESCRIPTION.name())
        .containsEntry(cn.yishi.common.CommonVariables.SUMMONS_TASK.name(), resolution)
        .containsEntry(cn.yishi.common.CommonVariables.NUMBER.name(), number)
        .containsEntry(cn.yishi.common.CommonVariables.SUMMONING_UNIT.name(), JLDBL);
    assertThat(variables.values()).doesNotContain(PHONE);
    assertThat(
            jdbc.queryForObject(
                "SELECT summons_task FROM department_summons WHERE proposal_number = ?",
                String.class,
                number))
        .isEqualTo(resolution);

    // the river office's staff in Tasklist: its report-in task, its form, every variable it may
    // read
    JsonNode tasks =
        as(
                "river-staff",
                HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + summons.getId(),
                null)
            .getBody();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    ResponseEntity<JsonNode> taskVariables =
        as("river-staff", HttpMethod.GET, "/engine-rest/task/" + taskId + "/variables", null);
    assertThat(taskVariables.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(
            taskVariables
                .getBody()
                .get(cn.yishi.common.CommonVariables.SUMMONS_TASK.name())
                .get("value")
                .asText())
        .isEqualTo(resolution);
    assertThat(taskVariables.getBody().has(CommonVariables.TITLE.name())).isTrue();
    assertThat(taskVariables.getBody().has(CommonVariables.SUBMITTER_PHONE.name())).isFalse();
    for (String path :
        List.of(
            "/engine-rest/task/" + taskId + "/variables",
            "/engine-rest/task/" + taskId + "/form-variables",
            "/engine-rest/variable-instance?variableName=" + CommonVariables.SUBMITTER_PHONE.name(),
            "/engine-rest/variable-instance?processInstanceIdIn=" + summons.getId(),
            "/engine-rest/history/variable-instance?processInstanceId=" + summons.getId())) {
      String answer = String.valueOf(as("river-staff", HttpMethod.GET, path, null).getBody());
      assertThat(answer).as(path).doesNotContain(PHONE).doesNotContain(MASKED);
    }
  }
}
