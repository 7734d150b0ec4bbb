package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.FormLabels;
import cn.yishi.proposal.Correction;
import cn.yishi.proposal.CorrectionRecords;
import cn.yishi.proposal.ProposalLifecycleProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * Issue 7, defect 1 and "computed variables belong to Yishi": a caseworker of the community ({@code
 * jldbl-caseworker}, as in the attack) cannot set, change or remove what Yishi computes (the
 * number, the submission time, the tables' classification, statuses) through {@code /engine-rest}
 * or the webapps' API that Tasklist uses; unchanged values sent back by a form are accepted, and
 * the sorting task's corrections keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComputedVariablesIT {

  private static final String CASEWORKER = "jldbl-caseworker";
  private static final String COMMUNITY = "jn-jld-jldbl";
  private static final String LIFECYCLE = ProposalLifecycleProcess.KEY;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CorrectionRecords corrections;

  private final ObjectMapper json = new ObjectMapper();

  private static Map<String, Object> submission(String title) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(CommonVariables.TITLE.name(), title);
    v.put(CommonVariables.DESCRIPTION.name(), "2幢楼下夜间施工噪音，居民无法入睡。");
    v.put(CommonVariables.COMMUNITY.name(), COMMUNITY);
    v.put(ProposalLifecycleProcess.COURTYARD.name(), "jn-jld-jldbl-jhy");
    v.put(ProposalLifecycleProcess.SUBMITTER_NAME.name(), "张先生");
    v.put(CommonVariables.SUBMITTER_PHONE.name(), "13900000001");
    v.put(ProposalLifecycleProcess.TOPIC.name(), "NOISE");
    v.put(ProposalLifecycleProcess.SCOPE.name(), "BUILDING");
    v.put(ProposalLifecycleProcess.AFFECTED_HOUSEHOLDS.name(), 20);
    return v;
  }

  /** A resident's proposal through the public API: its number. */
  private String submitted(String title) throws Exception {
    ResponseEntity<String> created =
        http.postForEntity("/api/proposals", submission(title), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get(CommonVariables.NUMBER.name()).asText();
  }

  private JsonNode publicView(String number) throws Exception {
    ResponseEntity<String> view = http.getForEntity("/api/proposals/" + number, String.class);
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(view.getBody());
  }

  private ProcessInstance lifecycle(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(LIFECYCLE)
        .processInstanceBusinessKey(number)
        .singleResult();
  }

  private Task sortingTask(String number) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(number)
        .taskDefinitionKey(ProposalLifecycleProcess.TASK_SORT_PROPOSAL)
        .singleResult();
  }

  private ResponseEntity<String> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, DEMO_PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** Camunda REST variables: {@code {name: {value, type}}}. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("value", value);
          v.put(
              "type",
              value instanceof Integer
                  ? "Integer"
                  : value instanceof Boolean ? "Boolean" : "String");
          variables.put(name, v);
        });
    return variables;
  }

  private void assertRefused(ResponseEntity<String> answer, String field) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.get("field").asText()).isEqualTo(field);
    String label = FormLabels.shipped().label(field);
    assertThat(body.get("message").asText())
        .contains(label == null ? field : label)
        .contains("由益事计算");
  }

  @Test
  void aCaseworkerCannotTakeOverAProposalsNumberThroughTheEngineRestApi() throws Exception {
    String victim = submitted("九里堤北路2幢夜间施工噪音");
    JsonNode before = publicView(victim);
    long lifecycles =
        runtimeService.createProcessInstanceQuery().processDefinitionKey(LIFECYCLE).count();

    Map<String, Object> attack = new LinkedHashMap<>(submission("攻击者的标题"));
    attack.put(CommonVariables.NUMBER.name(), victim);
    attack.put(ProposalLifecycleProcess.SUBMITTED_AT.name(), "2020-01-01T08:00:00+08:00");
    String start = "/engine-rest/process-definition/key/" + LIFECYCLE + "/start";
    assertRefused(
        as(CASEWORKER, HttpMethod.POST, start, Map.of("variables", typed(attack))),
        CommonVariables.NUMBER.name());

    attack.remove(CommonVariables.NUMBER.name());
    assertRefused(
        as(CASEWORKER, HttpMethod.POST, start, Map.of("variables", typed(attack))),
        ProposalLifecycleProcess.SUBMITTED_AT.name());

    attack.remove(ProposalLifecycleProcess.SUBMITTED_AT.name());
    ResponseEntity<String> keyed =
        as(
            CASEWORKER,
            HttpMethod.POST,
            start,
            Map.of("businessKey", victim, "variables", typed(attack)));
    assertThat(keyed.getStatusCode()).as(keyed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(keyed.getBody()).get("field").asText()).isEqualTo("businessKey");

    // nothing was started; the victim's proposal is still one lifecycle, its public view untouched
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LIFECYCLE).count())
        .isEqualTo(lifecycles);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(victim).count())
        .isEqualTo(1);
    assertThat(publicView(victim)).isEqualTo(before);

    // Yishi's own API: the number is not a field a resident sends
    Map<String, Object> viaApi = new LinkedHashMap<>(submission("攻击者的标题"));
    viaApi.put(CommonVariables.NUMBER.name(), victim);
    ResponseEntity<String> refused = http.postForEntity("/api/proposals", viaApi, String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("\"field\":\"number\"");

    // the same start without preset values is an ordinary intake: a number of its own
    ResponseEntity<String> honest =
        as(CASEWORKER, HttpMethod.POST, start, Map.of("variables", typed(attack)));
    assertThat(honest.getStatusCode()).as(honest.getBody()).isEqualTo(HttpStatus.OK);
    String own =
        (String)
            runtimeService.getVariable(
                json.readTree(honest.getBody()).get("id").asText(), CommonVariables.NUMBER.name());
    assertThat(own).isNotEqualTo(victim).startsWith("JN-");
    assertThat(publicView(victim)).isEqualTo(before);
  }

  @Test
  void sortingRefusesAChangedClassificationAcceptsItSentBackUnchangedAndStillRecordsCorrections()
      throws Exception {
    String number = submitted("九里堤北路2幢楼下噪音");
    Task task = sortingTask(number);
    Map<String, Object> classification =
        runtimeService.getVariables(
            lifecycle(number).getId(),
            List.of(
                CommonVariables.NUMBER.name(),
                ProposalLifecycleProcess.CATEGORY.name(),
                ProposalLifecycleProcess.MATTER_SCOPE.name(),
                CommonVariables.TRACK.name(),
                ProposalLifecycleProcess.LEVEL.name()));
    assertThat(classification)
        .containsEntry(ProposalLifecycleProcess.CATEGORY.name(), "REMEDIATION");
    String complete = "/engine-rest/task/" + task.getId() + "/complete";

    Map<String, Object> changedCategory = new LinkedHashMap<>(classification);
    changedCategory.put(ProposalLifecycleProcess.CATEGORY.name(), "PUBLIC_SAFETY");
    assertRefused(
        as(CASEWORKER, HttpMethod.POST, complete, Map.of("variables", typed(changedCategory))),
        ProposalLifecycleProcess.CATEGORY.name());
    Map<String, Object> changedTrack = new LinkedHashMap<>(classification);
    changedTrack.put(CommonVariables.TRACK.name(), "URGENT");
    assertRefused(
        as(CASEWORKER, HttpMethod.POST, complete, Map.of("variables", typed(changedTrack))),
        CommonVariables.TRACK.name());
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    // what the sorting form sends: the read-only fields unchanged, a corrected topic with its
    // reason
    Map<String, Object> form = new LinkedHashMap<>(classification);
    form.put(CommonVariables.TITLE.name(), "九里堤北路2幢楼下噪音");
    form.put(ProposalLifecycleProcess.TOPIC.name(), "ELEVATOR");
    form.put(ProposalLifecycleProcess.SCOPE.name(), "BUILDING");
    form.put(ProposalLifecycleProcess.CORRECTION_REASON.name(), "提案人电话说明：噪音来自加装电梯施工");
    form.put(ProposalLifecycleProcess.EXCLUSION.name(), "NONE");
    ResponseEntity<String> sorted =
        as(CASEWORKER, HttpMethod.POST, complete, Map.of("variables", typed(form)));
    assertThat(sorted.getStatusCode()).as(sorted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(corrections.of(number))
        .extracting(Correction::field, Correction::oldValue, Correction::newValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ProposalLifecycleProcess.TOPIC.name(), "NOISE", "ELEVATOR"));
    assertThat(publicView(number).get(ProposalLifecycleProcess.CATEGORY.name()).asText())
        .isEqualTo("CONSTRUCTION"); // the tables ran again
    assertThat(publicView(number).get(CommonVariables.NUMBER.name()).asText()).isEqualTo(number);
  }

  @Test
  void variablesOfATaskOrAProcessInstanceCannotBeSetChangedOrRemoved() throws Exception {
    String number = submitted("九里堤北路2幢噪音扰民");
    String instance = lifecycle(number).getId();
    String task = sortingTask(number).getId();
    String pi = "/engine-rest/process-instance/" + instance;

    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.PUT,
            pi + "/variables/number",
            Map.of("value", "JN-2020-000001", "type", "String")),
        CommonVariables.NUMBER.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.PUT,
            "/engine-rest/task/" + task + "/variables/track",
            Map.of("value", "URGENT", "type", "String")),
        CommonVariables.TRACK.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.PUT,
            "/engine-rest/task/" + task + "/localVariables/number",
            Map.of("value", "JN-2020-000001", "type", "String")),
        CommonVariables.NUMBER.name()); // the task's copy for Tasklist's card (TasklistCards) too
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.DELETE,
            "/engine-rest/task/" + task + "/localVariables/number",
            null),
        CommonVariables.NUMBER.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.POST,
            pi + "/variables",
            Map.of(
                "modifications", typed(Map.of(ProposalLifecycleProcess.LEVEL.name(), "DISTRICT")))),
        ProposalLifecycleProcess.LEVEL.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.POST,
            pi + "/variables",
            Map.of("deletions", List.of(ProposalLifecycleProcess.STATUS.name()))),
        ProposalLifecycleProcess.STATUS.name());
    assertRefused(
        as(CASEWORKER, HttpMethod.DELETE, pi + "/variables/submittedAt", null),
        ProposalLifecycleProcess.SUBMITTED_AT.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.POST,
            "/engine-rest/execution/" + instance + "/localVariables",
            Map.of(
                "modifications", typed(Map.of(ProposalLifecycleProcess.STATUS.name(), "CLOSED")))),
        ProposalLifecycleProcess.STATUS.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of(
                "messageName",
                "NoticeObjection",
                "businessKey",
                number,
                "processVariables",
                typed(Map.of(ProposalLifecycleProcess.STATUS.name(), "CLOSED")))),
        ProposalLifecycleProcess.STATUS.name());
    assertRefused(
        as(
            CASEWORKER,
            HttpMethod.POST,
            pi + "/modification",
            Map.of(
                "instructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        ProposalLifecycleProcess.TASK_SORT_PROPOSAL,
                        "variables",
                        typed(Map.of(CommonVariables.TRACK.name(), "MINOR")))))),
        CommonVariables.TRACK.name());

    assertThat(
            runtimeService.getVariables(
                instance,
                List.of(
                    CommonVariables.NUMBER.name(),
                    CommonVariables.TRACK.name(),
                    ProposalLifecycleProcess.LEVEL.name(),
                    ProposalLifecycleProcess.STATUS.name(),
                    ProposalLifecycleProcess.SUBMITTED_AT.name())))
        .containsEntry(CommonVariables.NUMBER.name(), number)
        .containsEntry(
            CommonVariables.TRACK.name(),
            publicView(number).get(CommonVariables.TRACK.name()).asText())
        .containsEntry(
            ProposalLifecycleProcess.LEVEL.name(),
            publicView(number).get(ProposalLifecycleProcess.LEVEL.name()).asText())
        .containsEntry(ProposalLifecycleProcess.STATUS.name(), "SORTING")
        .containsKey(ProposalLifecycleProcess.SUBMITTED_AT.name());
    // the task keeps only Yishi's own copy for Tasklist's card, unchanged
    assertThat(taskService.getVariablesLocal(task))
        .containsEntry(CommonVariables.NUMBER.name(), number);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
  }

  @Test
  void theWebappsApiThatTasklistUsesRefusesTheSame() throws Exception {
    String number = submitted("九里堤北路2幢深夜噪音");
    String instance = lifecycle(number).getId();
    String task = sortingTask(number).getId();
    String category =
        (String) runtimeService.getVariable(instance, ProposalLifecycleProcess.CATEGORY.name());

    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String base = http.getRootUri();
    client.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", WebappLoginIT.cookie(client, "XSRF-TOKEN"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + CASEWORKER
                            + "&password="
                            + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    String api = base + "/camunda/api/engine/engine/default";
    client.send(
        HttpRequest.newBuilder(URI.create(api + "/task/" + task)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = WebappLoginIT.cookie(client, "XSRF-TOKEN");

    HttpResponse<String> submit =
        client.send(
            webapp(
                api + "/task/" + task + "/submit-form",
                token,
                "POST",
                Map.of(
                    "variables",
                    typed(
                        Map.of(
                            CommonVariables.NUMBER.name(),
                            number,
                            ProposalLifecycleProcess.CATEGORY.name(),
                            "OTHER",
                            ProposalLifecycleProcess.EXCLUSION.name(),
                            "NONE")))),
            HttpResponse.BodyHandlers.ofString());
    assertRefused(
        ResponseEntity.status(submit.statusCode()).body(submit.body()),
        ProposalLifecycleProcess.CATEGORY.name());

    HttpResponse<String> put =
        client.send(
            webapp(
                api + "/process-instance/" + instance + "/variables/number",
                token,
                "PUT",
                Map.of("value", "JN-2020-000001", "type", "String")),
            HttpResponse.BodyHandlers.ofString());
    assertRefused(
        ResponseEntity.status(put.statusCode()).body(put.body()), CommonVariables.NUMBER.name());

    assertThat(runtimeService.getVariable(instance, CommonVariables.NUMBER.name()))
        .isEqualTo(number);
    assertThat(runtimeService.getVariable(instance, ProposalLifecycleProcess.CATEGORY.name()))
        .isEqualTo(category);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

    // the form sent back with its read-only fields unchanged completes the task
    HttpResponse<String> unchanged =
        client.send(
            webapp(
                api + "/task/" + task + "/submit-form",
                token,
                "POST",
                Map.of(
                    "variables",
                    typed(
                        Map.of(
                            CommonVariables.NUMBER.name(),
                            number,
                            ProposalLifecycleProcess.CATEGORY.name(),
                            category,
                            ProposalLifecycleProcess.EXCLUSION.name(),
                            "NONE")))),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  private HttpRequest webapp(String url, String token, String method, Object body)
      throws Exception {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", token)
        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build();
  }
}
