package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.notice.OpenNotices;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notice.PublicNotices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public API (/api) against odd and hostile input through real HTTP (java.net.http, raw bodies
 * and headers): every refusal is a 4xx application/problem+json naming what is wrong, never a 5xx;
 * concurrent objections are each recorded and judged; the evaluation reveals nothing about the
 * phone before its last step; phone guesses and anonymous writes are limited.
 *
 * <p>Limits for this test: 127.0.0.1 is a trusted proxy (so each request may say who its client is
 * in X-Forwarded-For) but not a trusted client, 5 writes an hour per client address; 192.0.2.10 is
 * a trusted client (the mini-program's backend). Each request has its own client address unless a
 * test is about the address limit.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "yishi.limits.writes.per-address=5",
      "yishi.limits.writes.window=PT1H",
      "yishi.limits.writes.trusted-clients=192.0.2.10",
      "yishi.limits.writes.trusted-proxies=127.0.0.1,::1"
    })
class PublicApiInputIT {

  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PHONE = "13712345678";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PublicNotices notices;

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * A notice and a proposal shared by the refusal cases (which never record or change anything).
   */
  private static String sharedNotice;

  private static String sharedNumber;

  private synchronized String sharedNotice() {
    if (sharedNotice == null) {
      sharedNotice = openNotice();
    }
    return sharedNotice;
  }

  private synchronized String sharedNumber() throws Exception {
    if (sharedNumber == null) {
      sharedNumber = submit();
    }
    return sharedNumber;
  }

  /**
   * A different client address for each request (10.0.x.y), so the address limit stays out of the
   * way.
   */
  private static String anotherClient() {
    int n = CLIENTS.incrementAndGet();
    return "10.0." + (n / 250) + "." + (n % 250 + 1);
  }

  record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    List<String> fields() {
      List<String> fields = new ArrayList<>();
      if (body != null && body.has("errors")) {
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      }
      return fields;
    }

    boolean isProblem() {
      return contentType != null
          && contentType.startsWith("application/problem+json")
          && body != null
          && body.has("status");
    }
  }

  private Answer send(String method, String path, String contentType, String body, String client)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (client != null) {
      request.header("X-Forwarded-For", client);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = response.body().isBlank() ? null : JSON.readTree(response.body());
    } catch (Exception notJson) {
      // left null: the assertions say what was expected
    }
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        json,
        response);
  }

  private Answer post(String path, String contentType, String body) throws Exception {
    return send("POST", path, contentType, body, anotherClient());
  }

  private Answer postJson(String path, Object body) throws Exception {
    return post(path, "application/json", JSON.writeValueAsString(body));
  }

  static Map<String, Object> proposal() {
    Map<String, Object> v = new HashMap<>(ProposalApiIT.greening());
    v.put("submitterPhone", PHONE);
    return v;
  }

  /** The proposal as JSON text with one field's value written raw (e.g. 1e309). */
  static String proposalWith(String field, String rawValue) throws Exception {
    Map<String, Object> v = proposal();
    v.put(field, "@@RAW@@");
    return JSON.writeValueAsString(v).replace("\"@@RAW@@\"", rawValue);
  }

  private String submit() throws Exception {
    Answer created = postJson("/api/proposals", proposal());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.body().get("number").asText();
  }

  /**
   * Moves a freshly submitted proposal to its evaluation step (the staff's work in between is not
   * this test's subject).
   */
  private String awaitingEvaluation() throws Exception {
    String number = submit();
    ProcessInstance lifecycle =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    runtimeService
        .createProcessInstanceModification(lifecycle.getId())
        .cancelAllForActivity(ProposalLifecycleProcess.TASK_SORT_PROPOSAL)
        .startBeforeActivity(ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME)
        .setVariableLocal("deliberationUnit", "jn-cdz-hz")
        .execute();
    return number;
  }

  private String openNotice() {
    return OpenNotices.open(runtimeService, managementService, "jn-cdz-hz");
  }

  static Map<String, Object> objection() {
    return new HashMap<>(Map.of("name", "赵先生", "phone", "13700000002", "text", "三号楼的飞线还在。"));
  }

  // ---------------------------------------------------------------- numbers

  static Stream<Arguments> numbersOutOfRange() {
    return Stream.of(
        Arguments.of("affectedHouseholds", "1e309"),
        Arguments.of("affectedHouseholds", "-1e309"),
        Arguments.of("affectedHouseholds", "18446744073709551666"),
        Arguments.of("affectedHouseholds", "1000001"),
        Arguments.of("coSigners", "1e309"),
        Arguments.of("coSigners", "-1e309"),
        Arguments.of("coSigners", "18446744073709551621"),
        Arguments.of("stakeholderParties", "1e309"),
        Arguments.of("stakeholderParties", "-1e309"),
        Arguments.of("stakeholderParties", "18446744073709551617"),
        Arguments.of("estimatedCost", "1e309"),
        Arguments.of("estimatedCost", "-1e309"),
        Arguments.of("estimatedCost", "1e20"),
        Arguments.of("estimatedCost", "0.001"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("numbersOutOfRange")
  void aNumberOutOfRangeIsRefusedNamingItsFieldNeverWrappedOrA500(String field, String raw)
      throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();

    Answer refused = post("/api/proposals", "application/json", proposalWith(field, raw));

    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.isProblem()).as(refused.raw().body()).isTrue();
    assertThat(refused.fields()).containsExactly(field);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- media types

  static Stream<String> notJson() {
    return Stream.of(
        "*/*",
        "application/*",
        "",
        ";;;",
        "application/json; charset=no-such-charset",
        "application/json; charset=ISO-8859-1",
        "text/plain",
        "NONE");
  }

  @ParameterizedTest(name = "Content-Type: \"{0}\"")
  @MethodSource("notJson")
  void aBodyThatIsNotDeclaredUtf8JsonIs415ProblemOnEveryPost(String contentType) throws Exception {
    String header = contentType.equals("NONE") ? null : contentType;
    String notice = sharedNotice();
    String number = sharedNumber();
    for (String[] call :
        new String[][] {
          {"/api/proposals", JSON.writeValueAsString(proposal())},
          {
            "/api/proposals/" + number + "/evaluation",
            "{\"rating\":\"SATISFIED\",\"submitterPhone\":\"" + PHONE + "\"}"
          },
          {"/api/notices/" + notice + "/objections", JSON.writeValueAsString(objection())}
        }) {
      Answer refused = post(call[0], header, call[1]);

      assertThat(refused.status()).as(call[0] + " " + refused.raw().body()).isEqualTo(415);
      assertThat(refused.isProblem()).as(call[0] + " " + refused.raw().body()).isTrue();
    }
    assertThat(notices.objections(notice)).isEmpty();
  }

  // ---------------------------------------------------------------- malformed bodies

  static Stream<String> malformedJson() {
    return Stream.of("{", "{\"name\":", "[1,2]", "\"text\"", "{} {}", "{\"a\":1,}", "nul");
  }

  @ParameterizedTest(name = "body {0}")
  @MethodSource("malformedJson")
  void malformedJsonIs400ProblemOnEveryPost(String body) throws Exception {
    String notice = sharedNotice();
    String number = sharedNumber();
    for (String path :
        List.of(
            "/api/proposals",
            "/api/proposals/" + number + "/evaluation",
            "/api/notices/" + notice + "/objections")) {
      Answer refused = post(path, "application/json", body);

      assertThat(refused.status()).as(path + " " + refused.raw().body()).isEqualTo(400);
      assertThat(refused.isProblem()).as(path + " " + refused.raw().body()).isTrue();
      assertThat(refused.fields()).as(path).containsExactly("body");
    }
    Answer empty = post("/api/notices/" + notice + "/objections", "application/json", null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.isProblem()).isTrue();
  }

  // ---------------------------------------------------------------- objections and names

  static Stream<Arguments> badObjections() {
    return Stream.of(
        Arguments.of("colour", "green"),
        Arguments.of("name", "赵".repeat(51)),
        Arguments.of("name", "<script>alert(1)</script>"),
        Arguments.of("name", "赵\u0000先生"),
        Arguments.of("name", "   "),
        Arguments.of("phone", "not-a-phone"),
        Arguments.of("phone", "1370000000212345678"),
        Arguments.of("phone", "12700000002"),
        Arguments.of("text", "很".repeat(2001)),
        Arguments.of("text", 42));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badObjections")
  void anObjectionIsCheckedAsStrictlyAsAProposal(String field, Object value) throws Exception {
    String notice = sharedNotice();
    Map<String, Object> objection = objection();
    objection.put(field, value);

    Answer refused = postJson("/api/notices/" + notice + "/objections", objection);

    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.fields()).containsExactly(field);
    assertThat(notices.objections(notice)).isEmpty();
    assertThat(notices.find(notice).orElseThrow().open()).isTrue();
  }

  @Test
  void anObjectionNamesEveryBadFieldAtOnce() throws Exception {
    String notice = sharedNotice();
    Map<String, Object> objection = objection();
    objection.put("name", " ");
    objection.put("phone", "123");
    objection.put("text", "");

    Answer refused = postJson("/api/notices/" + notice + "/objections", objection);

    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    // the resident sees all three beside their fields, not one after another
    assertThat(refused.fields()).containsExactly("name", "phone", "text");
    assertThat(notices.objections(notice)).isEmpty();
  }

  @Test
  void anUnchosenTopicOrScopeIsMissingNotAnUnknownCode() throws Exception {
    Map<String, Object> v = proposal();
    v.put("topic", "");
    v.put("scope", " ");

    Answer refused = postJson("/api/proposals", v);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.fields()).containsExactlyInAnyOrder("topic", "scope");
    // a resident who left a select unchosen is told so, not shown the list of English codes
    assertThat(refused.body().get("errors").findValuesAsText("message")).containsOnly("必填");
  }

  @Test
  void aSubmitterNameWithMarkupOrControlCharactersIsRefused() throws Exception {
    for (String name : List.of("<script>alert(1)</script>", "赵<b>女士", "赵\n女士", "赵\u0007女士")) {
      Map<String, Object> v = proposal();
      v.put("submitterName", name);

      Answer refused = postJson("/api/proposals", v);

      assertThat(refused.status()).as(name).isEqualTo(400);
      assertThat(refused.fields()).as(name).containsExactly("submitterName");
    }
  }

  @Test
  void threeSimultaneousObjectionsAreThreeObjectionsEachJudgedNeverAnError() throws Exception {
    String notice = openNotice();
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .variableValueEquals(CommonVariables.NOTICE_ID.name(), notice)
            .singleResult()
            .getId();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    List<String> objectionIds = new ArrayList<>();
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Map<String, Object> objection = objection();
        objection.put("phone", "1370000001" + i);
        objection.put("text", "第" + (i + 1) + "位居民：三号楼的飞线还在。");
        Callable<Answer> call =
            () -> {
              start.await();
              return postJson("/api/notices/" + notice + "/objections", objection);
            };
        answers.add(threads.submit(call));
      }
      start.countDown();
      for (Future<Answer> answer : answers) {
        Answer a = answer.get(60, TimeUnit.SECONDS);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        objectionIds.add(a.body().get("id").asText());
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(notices.objections(notice)).hasSize(3);
    List<Task> judging =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_JudgeObjection")
            .list();
    assertThat(judging).as("one judging task per objection").hasSize(3);
    assertThat(
            judging.stream()
                .map(
                    t ->
                        taskService.getVariable(t.getId(), PublicNoticeProcess.OBJECTION_ID.name()))
                .toList())
        .containsExactlyInAnyOrderElementsOf(objectionIds);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isOne();
    assertThat(notices.find(notice).orElseThrow().open())
        .as("objections alone do not take the notice down")
        .isTrue();
  }

  @Test
  void theNoticeBoardShowsTheReasonedReplyToAnObjectionJudgedUnfounded() throws Exception {
    String notice = openNotice();
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .variableValueEquals(CommonVariables.NOTICE_ID.name(), notice)
            .singleResult()
            .getId();
    assertThat(postJson("/api/notices/" + notice + "/objections", objection()).status())
        .isEqualTo(201);
    Map<String, Object> second = objection();
    second.put("phone", "13700000009");
    second.put("text", "充电桩太少。");
    assertThat(postJson("/api/notices/" + notice + "/objections", second).status()).isEqualTo(201);
    List<Task> judging =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_JudgeObjection")
            .list();
    assertThat(judging).hasSize(2);

    JsonNode before = postedNotice(notice);
    assertThat(before.get("replies").isArray()).isTrue();
    assertThat(before.get("replies")).isEmpty();

    taskService.complete(
        judging.get(0).getId(),
        Map.of(
            PublicNoticeProcess.OBJECTION_JUDGEMENT.name(),
            PublicNoticeProcess.UNFOUNDED,
            PublicNoticeProcess.OBJECTION_REPLY.name(),
            "三号楼的飞线已于3月4日拆除，见现场照片。"));
    taskService.complete(
        judging.get(1).getId(),
        Map.of(
            PublicNoticeProcess.OBJECTION_JUDGEMENT.name(),
            PublicNoticeProcess.UNFOUNDED,
            PublicNoticeProcess.OBJECTION_REPLY.name(),
            "充电桩按住户申报的数量设置。"));

    JsonNode after = postedNotice(notice);
    assertThat(after.get("open").asBoolean()).as("the notice runs on").isTrue();
    assertThat(after.get("replies")).hasSize(2);
    List<String> texts = new ArrayList<>();
    after
        .get("replies")
        .forEach(
            reply -> {
              texts.add(reply.get("text").asText());
              assertThat(
                      java.time.OffsetDateTime.parse(reply.get("at").asText())
                          .getOffset()
                          .getTotalSeconds())
                  .isEqualTo(8 * 3600);
            });
    assertThat(texts).containsExactlyInAnyOrder("三号楼的飞线已于3月4日拆除，见现场照片。", "充电桩按住户申报的数量设置。");
    assertThat(after.toString())
        .as("no objector's phone on the board")
        .doesNotContain("13700000009");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isOne();
  }

  private JsonNode postedNotice(String id) throws Exception {
    Answer board = send("GET", "/api/notices", null, null, null);
    assertThat(board.status()).isEqualTo(200);
    for (JsonNode n : board.body()) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("notice " + id + " not on the board");
  }

  // ---------------------------------------------------------------- error paths

  @Test
  void errorPathsAndUnknownCallsAreProblemsNot5xx() throws Exception {
    Answer error = send("GET", "/error", null, null, null);
    assertThat(error.status()).as(error.raw().body()).isLessThan(500);

    Answer unknown = send("GET", "/api/no-such-thing", null, null, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).as(unknown.raw().body()).isTrue();

    Answer notAllowed = send("DELETE", "/api/proposals", null, null, anotherClient());
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.isProblem()).as(notAllowed.raw().body()).isTrue();
    assertThat(notAllowed.raw().body()).doesNotContain("at org.springframework", "Exception");

    Answer getObjections = send("GET", "/api/notices/x/objections", null, null, null);
    assertThat(getObjections.status()).isBetween(400, 499);
    assertThat(getObjections.isProblem()).as(getObjections.raw().body()).isTrue();
  }

  /**
   * Found by PublicApiPropertiesIT: what Tomcat refuses before Spring (an encoded slash in a path
   * segment, a request line longer than it reads) was Tomcat's HTML page, not a problem.
   */
  @Test
  void whatTomcatRefusesBeforeTheApiIsAProblemToo() throws Exception {
    String number = sharedNumber();
    Answer slash = postJson("/api/proposals/" + number + "%2Fx/cosignatures", Map.of());
    assertThat(slash.status()).isEqualTo(400);
    assertThat(slash.isProblem()).as(slash.raw().body()).isTrue();
    assertThat(slash.raw().body()).doesNotContain("<html", "Tomcat");

    Answer longLine = send("GET", "/api/statistics?q=" + "x".repeat(20_000), null, null, null);
    assertThat(longLine.status()).isEqualTo(400);
    assertThat(longLine.isProblem()).as(longLine.raw().body()).isTrue();

    // elsewhere Tomcat's page stays as it was (without its version)
    Answer page = send("GET", "/camunda/a%2Fb", null, null, null);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.raw().body()).doesNotContain("Apache Tomcat/");
  }

  /**
   * Found by PublicApiPropertiesIT on PostgreSQL: a text holding U+0000 (which PostgreSQL cannot
   * store or compare) was a 500; it is a 400 naming the field, on every database, and nothing is
   * stored.
   */
  @Test
  void aTextHoldingNulIsRefusedNamingItsFieldNeverA500() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> submission = proposal();
    submission.put("description", "楼道灯坏了\u0000三个月");
    Answer proposal = postJson("/api/proposals", submission);
    assertThat(proposal.status()).as(proposal.raw().body()).isEqualTo(400);
    assertThat(proposal.fields()).containsExactly("description");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

    String number = awaitingEvaluation();
    Answer rating =
        postJson(
            "/api/proposals/" + number + "/evaluation",
            Map.of("rating", "SATISFIED", "comment", "\u0000", "submitterPhone", PHONE));
    assertThat(rating.status()).as(rating.raw().body()).isEqualTo(400);
    assertThat(rating.fields()).containsExactly("comment");

    Map<String, Object> objection = objection();
    objection.put("text", "飞线\u0000还在");
    Answer objected = postJson("/api/notices/" + sharedNotice() + "/objections", objection);
    assertThat(objected.status()).as(objected.raw().body()).isEqualTo(400);
    assertThat(objected.fields()).containsExactly("text");

    HttpResponse<String> search =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/audit/proposals?q=a%00b"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(search.statusCode()).as(search.body()).isEqualTo(400);
    assertThat(search.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  /**
   * Found by PublicApiPropertiesIT: a multipart Content-Type with an Idempotency-Key was a 500
   * (Spring parsed the parts of a body the key's filter had read already); the API takes JSON only.
   */
  @Test
  void aMultipartBodyIs415WithOrWithoutAnIdempotencyKey() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    String multipart = "multipart/form-data; boundary=x";
    String body = JSON.writeValueAsString(proposal());
    for (String key : new String[] {null, "multipart-" + UUID.randomUUID()}) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/proposals"))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", multipart)
              .header("X-Forwarded-For", anotherClient());
      if (key != null) {
        request.header("Idempotency-Key", key);
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("key %s: %s", key, answer.body()).isEqualTo(415);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- evaluation

  @Test
  void theEvaluationAnswerDoesNotDependOnThePhoneBeforeTheLastStep() throws Exception {
    String awaiting = awaitingEvaluation();
    String sorting = submit();
    String unknown = "JN-1999-000001";
    String evaluation = "/api/proposals/%s/evaluation";

    // bad body: the same answer whether the phone is right or wrong
    Answer badRatingRightPhone =
        postJson(
            evaluation.formatted(awaiting), Map.of("rating", "GREAT", "submitterPhone", PHONE));
    Answer badRatingWrongPhone =
        postJson(
            evaluation.formatted(awaiting),
            Map.of("rating", "GREAT", "submitterPhone", "13700000000"));
    assertThat(badRatingRightPhone.status()).isEqualTo(400);
    assertThat(badRatingWrongPhone.status()).isEqualTo(400);
    assertThat(badRatingWrongPhone.body()).isEqualTo(badRatingRightPhone.body());
    assertThat(badRatingRightPhone.fields()).containsExactly("rating");

    // unknown number before anything about the body
    assertThat(post(evaluation.formatted(unknown), "application/json", "{").status())
        .isEqualTo(404);
    assertThat(postJson(evaluation.formatted(unknown), Map.of("rating", "GREAT")).status())
        .isEqualTo(404);

    // not awaiting evaluation before the phone
    Answer notAwaitingWrongPhone =
        postJson(
            evaluation.formatted(sorting),
            Map.of("rating", "SATISFIED", "submitterPhone", "13700000000"));
    Answer notAwaitingRightPhone =
        postJson(
            evaluation.formatted(sorting), Map.of("rating", "SATISFIED", "submitterPhone", PHONE));
    assertThat(notAwaitingWrongPhone.status()).isEqualTo(409);
    assertThat(notAwaitingRightPhone.status()).isEqualTo(409);
    assertThat(notAwaitingWrongPhone.body()).isEqualTo(notAwaitingRightPhone.body());

    // the phone last
    assertThat(
            postJson(
                    evaluation.formatted(awaiting),
                    Map.of("rating", "SATISFIED", "submitterPhone", "13700000000"))
                .status())
        .isEqualTo(403);
    Answer rated =
        postJson(
            evaluation.formatted(awaiting),
            Map.of("rating", "SATISFIED", "comment", "谢谢", "submitterPhone", PHONE));
    assertThat(rated.status()).as(rated.raw().body()).isEqualTo(200);
    assertThat(rated.body().get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void theSixthWrongPhoneWithinAnHourIs429WithRetryAfterEvenForTheRightPhone() throws Exception {
    String number = awaitingEvaluation();
    String path = "/api/proposals/" + number + "/evaluation";
    for (int guess = 0; guess < 5; guess++) {
      Answer wrong =
          postJson(path, Map.of("rating", "SATISFIED", "submitterPhone", "1390000000" + guess));
      assertThat(wrong.status()).as("guess " + guess).isEqualTo(403);
    }

    Answer sixth = postJson(path, Map.of("rating", "SATISFIED", "submitterPhone", "13900000009"));
    Answer right = postJson(path, Map.of("rating", "SATISFIED", "submitterPhone", PHONE));

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.isProblem()).isTrue();
    assertThat(sixth.body().get("detail").asText()).contains("次数过多");
    assertThat(Long.parseLong(sixth.raw().headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.body()).isEqualTo(sixth.body());
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .taskDefinitionKey(ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME)
                .count())
        .as("still waiting for the rating")
        .isOne();
    // another proposal's submitter is not locked out by these guesses
    String other = awaitingEvaluation();
    assertThat(
            postJson(
                    "/api/proposals/" + other + "/evaluation",
                    Map.of("rating", "SATISFIED", "submitterPhone", PHONE))
                .status())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- address limit

  @Test
  void anUntrustedAddressGets429AfterItsWritesButReadsAndOtherAddressesGoOn() throws Exception {
    String notice = openNotice();
    String path = "/api/notices/" + notice + "/objections";
    // no X-Forwarded-For: the client is 127.0.0.1 itself, untrusted in this test's settings
    for (int i = 0; i < 5; i++) {
      Answer write = send("POST", path, "application/json", "{\"name\":\"x\"}", null);
      assertThat(write.status()).as("write " + i).isEqualTo(400);
    }

    Answer limited =
        send("POST", path, "application/json", JSON.writeValueAsString(objection()), null);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.isProblem()).isTrue();
    assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(notices.objections(notice)).isEmpty();
    assertThat(send("GET", "/api/notices", null, null, null).status()).isEqualTo(200);
    assertThat(postJson(path, objection()).status()).isEqualTo(201);
  }

  @Test
  void aTrustedProxyNamesTheClientAndATrustedClientIsNotLimited() throws Exception {
    String notice = openNotice();
    String path = "/api/notices/" + notice + "/objections";
    String resident = anotherClient();
    // a trusted proxy (127.0.0.1) appends the address it saw; what the client itself wrote before
    // it is not believed
    for (int i = 0; i < 5; i++) {
      String forged = "203.0.113." + i;
      assertThat(send("POST", path, "application/json", "{}", forged + ", " + resident).status())
          .isEqualTo(400);
    }
    assertThat(send("POST", path, "application/json", "{}", "198.51.100.1, " + resident).status())
        .isEqualTo(429);

    // the mini-program's backend is one address for every resident: trusted, never limited
    for (int i = 0; i < 8; i++) {
      assertThat(send("POST", path, "application/json", "{}", "192.0.2.10").status())
          .as("write " + i)
          .isEqualTo(400);
    }
    // a trusted client named only by an untrusted hop is not believed
    String spoofer = anotherClient();
    for (int i = 0; i < 5; i++) {
      send("POST", path, "application/json", "{}", "192.0.2.10, " + spoofer);
    }
    assertThat(send("POST", path, "application/json", "{}", "192.0.2.10, " + spoofer).status())
        .isEqualTo(429);
  }
}
