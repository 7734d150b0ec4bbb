package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DESCRIPTION;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.COURTYARD;
import static cn.yishi.proposal.ProposalLifecycleProcess.CO_SIGNERS;
import static cn.yishi.proposal.ProposalLifecycleProcess.EXCLUSION;
import static cn.yishi.proposal.ProposalLifecycleProcess.KEY;
import static cn.yishi.proposal.ProposalLifecycleProcess.SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTING_NOTE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTER_NAME;
import static cn.yishi.proposal.ProposalLifecycleProcess.TASK_SORT_PROPOSAL;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.api.IdempotencyFilter;
import cn.yishi.common.Variable;
import cn.yishi.notification.Notification;
import cn.yishi.notification.NotificationOutbox;
import cn.yishi.organisation.SeparateApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The residents' writes through real HTTP: {@code Idempotency-Key} on every POST (a retry returns
 * the first answer, another body with the same key 422, a key in flight 409, a refused request
 * leaves no key) and co-signing (201 with the count, the same household or the submitter 409, an
 * ended proposal 409, co-signers who asked are told of each step), with a test per kind of bad
 * input that leaves nothing behind. A second server on the same database knows the keys of the
 * first (they are kept in the database, not in memory).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "yishi.idempotency.keep-for=PT1H"})
class ResidentsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JLDBL = "jn-jld-jldbl";
  private static final String JLDBL_COURTYARD = "jn-jld-jldbl-jhy";
  private static final String OTHER_COURTYARD = "jn-smq-ma-mabl8";
  private static final String SUBMITTER = "13900000077";
  private static final AtomicInteger PHONES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationOutbox outbox;
  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, HttpResponse<String> raw, JsonNode body) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    List<String> fields() {
      List<String> fields = new ArrayList<>();
      if (body != null && body.has("errors")) {
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      }
      return fields;
    }

    boolean isProblem() {
      return header("Content-Type") != null
          && header("Content-Type").startsWith("application/problem+json");
    }
  }

  private Answer post(String path, String contentType, byte[] body, String key) throws Exception {
    return post(port, path, contentType, body, key);
  }

  private Answer post(int server, String path, Object body, String key) throws Exception {
    return post(server, path, "application/json", JSON.writeValueAsBytes(body), key);
  }

  private Answer post(int server, String path, String contentType, byte[] body, String key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (key != null) {
      request.header(IdempotencyFilter.HEADER, key);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), response, json);
  }

  private Answer post(String path, Object body, String key) throws Exception {
    return post(path, "application/json", JSON.writeValueAsBytes(body), key);
  }

  private Answer get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response, JSON.readTree(response.body()));
  }

  private static ObjectNode proposal(String title) {
    ObjectNode p = JSON.createObjectNode();
    p.put(TITLE.name(), title);
    p.put(DESCRIPTION.name(), "楼道照明损坏，夜间出行不便，希望尽快修复。");
    p.put(COMMUNITY.name(), JLDBL);
    p.put(COURTYARD.name(), JLDBL_COURTYARD);
    p.put(SUBMITTER_NAME.name(), "李阿姨");
    p.put(SUBMITTER_PHONE.name(), SUBMITTER);
    p.put(TOPIC.name(), "FACILITIES");
    p.put(SCOPE.name(), "BUILDING");
    p.put(CO_SIGNERS.name(), 3);
    return p;
  }

  private static ObjectNode coSigner(String phone) {
    ObjectNode c = JSON.createObjectNode();
    c.put(ProposalController.COSIGNER_NAME, "邻居" + phone.substring(7));
    c.put(ProposalController.COSIGNER_PHONE, phone);
    return c;
  }

  private static String anotherPhone() {
    return "1370000" + String.format("%04d", PHONES.incrementAndGet());
  }

  private String submit(String title) throws Exception {
    Answer created = post("/api/proposals", proposal(title), null);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.body().get("number").asText();
  }

  private long lifecycles() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
  }

  private int rows(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  private int keys() {
    return rows("idempotency_key");
  }

  // ---------------------------------------------------------------- Idempotency-Key

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndStartsNothingMore() throws Exception {
    String key = UUID.randomUUID().toString();
    ObjectNode body = proposal("楼道灯不亮（重试）");
    Answer first = post("/api/proposals", body, key);
    long started = lifecycles();
    Answer retry = post("/api/proposals", body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(lifecycles()).isEqualTo(started);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(first.body().get("number").asText())
                .processDefinitionKey(KEY)
                .count())
        .isEqualTo(1);

    // the same key with another body (or on another path) is refused, nothing is started
    Answer other = post("/api/proposals", proposal("另一个提案"), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.isProblem()).isTrue();
    assertThat(other.body().get("detail").asText()).contains("Idempotency-Key");
    Answer elsewhere =
        post("/api/proposals/" + first.body().get("number").asText() + "/cosignatures", body, key);
    assertThat(elsewhere.status()).isEqualTo(422);
    assertThat(lifecycles()).isEqualTo(started);
  }

  @Test
  void aSecondServerOnTheSameDatabaseKnowsTheKey() throws Exception {
    String key = UUID.randomUUID().toString();
    ObjectNode body = proposal("路灯不亮（两台服务器）");
    Answer first = post("/api/proposals", body, key);
    assertThat(first.status()).isEqualTo(201);
    long started = lifecycles();

    try (ConfigurableApplicationContext second =
        SeparateApplication.run(
            "secondnode",
            List.of(),
            "--yishi.test.own-database=true",
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password="
                + environment.getProperty("spring.datasource.password", ""))) {
      int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
      Answer retry = post(secondPort, "/api/proposals", body, key);
      assertThat(retry.status()).isEqualTo(201);
      assertThat(retry.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
      assertThat(retry.body().get("number").asText())
          .isEqualTo(first.body().get("number").asText());
      assertThat(post(secondPort, "/api/proposals", proposal("别的"), key).status()).isEqualTo(422);
    }
    assertThat(lifecycles()).isEqualTo(started);
  }

  @Test
  void aKeyStillInFlightIsAConflictUntilItsServerIsPresumedGone() throws Exception {
    String key = UUID.randomUUID().toString();
    byte[] body = JSON.writeValueAsBytes(proposal("院门坏了"));
    String fingerprint = IdempotencyFilter.fingerprint("POST", "/api/proposals", body);
    // another node claimed the key a moment ago and is still handling its request
    claimInFlight(key, fingerprint, Instant.now().minusSeconds(5));
    long started = lifecycles();

    Answer busy = post("/api/proposals", "application/json", body, key);
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.isProblem()).isTrue();
    assertThat(busy.header("Retry-After")).isEqualTo("1");
    assertThat(lifecycles()).isEqualTo(started);

    // a claim left by a server that stopped (older than in-flight-timeout) is taken over
    String abandoned = UUID.randomUUID().toString();
    claimInFlight(abandoned, fingerprint, Instant.now().minusSeconds(600));
    Answer takenOver = post("/api/proposals", "application/json", body, abandoned);
    assertThat(takenOver.status()).isEqualTo(201);
    assertThat(lifecycles()).isEqualTo(started + 1);
    Answer replayed = post("/api/proposals", "application/json", body, abandoned);
    assertThat(replayed.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(lifecycles()).isEqualTo(started + 1);
  }

  @Test
  void anExpiredKeyIsForgottenAndMayBeUsedAgain() throws Exception {
    String key = UUID.randomUUID().toString();
    Answer first = post("/api/proposals", proposal("垃圾桶太少"), key);
    assertThat(first.status()).isEqualTo(201);
    jdbc.update(
        "UPDATE idempotency_key SET expires_at = ? WHERE idempotency_key = ?",
        Timestamp.from(Instant.now().minusSeconds(1)),
        key);

    Answer again = post("/api/proposals", proposal("垃圾桶太少（新）"), key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header(IdempotencyFilter.REPLAYED)).isNull();
    assertThat(again.body().get("number").asText())
        .isNotEqualTo(first.body().get("number").asText());
  }

  @Test
  void aRefusedRequestLeavesNoKeySoTheCorrectedOneWithTheSameKeyActs() throws Exception {
    String key = UUID.randomUUID().toString();
    ObjectNode bad = proposal("缺少描述");
    bad.remove(DESCRIPTION.name());
    int before = keys();
    Answer refused = post("/api/proposals", bad, key);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.fields()).containsExactly(DESCRIPTION.name());
    assertThat(keys()).isEqualTo(before);

    Answer corrected = post("/api/proposals", proposal("缺少描述（已补）"), key);
    assertThat(corrected.status()).isEqualTo(201);
    assertThat(keys()).isEqualTo(before + 1);
  }

  @Test
  void aMalformedKeyIsRefusedNamingTheHeader() throws Exception {
    long started = lifecycles();
    int before = keys();
    for (String key : List.of("x".repeat(256), "with space")) {
      Answer refused = post("/api/proposals", proposal("键不对"), key);
      assertThat(refused.status()).as(key).isEqualTo(400);
      assertThat(refused.isProblem()).isTrue();
      assertThat(refused.fields()).containsExactly(IdempotencyFilter.HEADER);
    }
    assertThat(lifecycles()).isEqualTo(started);
    assertThat(keys()).isEqualTo(before);
  }

  private void claimInFlight(String key, String fingerprint, Instant at) {
    jdbc.update(
        "INSERT INTO idempotency_key (idempotency_key, fingerprint, state, created_at, expires_at)"
            + " VALUES (?, ?, 'IN_FLIGHT', ?, ?)",
        key,
        fingerprint,
        Timestamp.from(at),
        Timestamp.from(at.plusSeconds(3600)));
  }

  // ---------------------------------------------------------------- co-signing

  @Test
  void aHouseholdCoSignsOnceAndIsCountedInThePublicView() throws Exception {
    String number = submit("小区增设充电桩");
    String phone = anotherPhone();
    ObjectNode neighbour = coSigner(phone);
    neighbour.put(COURTYARD.name(), JLDBL_COURTYARD);

    Answer signed = post("/api/proposals/" + number + "/cosignatures", neighbour, null);
    assertThat(signed.status()).as(signed.raw().body()).isEqualTo(201);
    assertThat(signed.header("Location")).endsWith("/api/proposals/" + number);
    assertThat(signed.body().get("coSigners").asInt()).isEqualTo(4); // 3 declared + 1
    assertThat(get("/api/proposals/" + number).body().get("coSigners").asInt()).isEqualTo(4);
    assertThat(signed.raw().body()).doesNotContain(phone);

    Answer twice = post("/api/proposals/" + number + "/cosignatures", coSigner(phone), null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.isProblem()).isTrue();
    Answer submitter =
        post("/api/proposals/" + number + "/cosignatures", coSigner(SUBMITTER), null);
    assertThat(submitter.status()).isEqualTo(409);
    assertThat(get("/api/proposals/" + number).body().get("coSigners").asInt()).isEqualTo(4);

    Answer unknown = post("/api/proposals/JN-2026-999999/cosignatures", coSigner(phone), null);
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void aCoSignerWhoAskedIsToldOfTheNextStepAndAnEndedProposalTakesNoMore() throws Exception {
    String number = submit("楼顶漏水");
    String toldPhone = anotherPhone();
    String quietPhone = anotherPhone();
    ObjectNode told = coSigner(toldPhone);
    told.put(ProposalController.COSIGNER_NOTIFY, true);
    assertThat(post("/api/proposals/" + number + "/cosignatures", told, null).status())
        .isEqualTo(201);
    assertThat(
            post("/api/proposals/" + number + "/cosignatures", coSigner(quietPhone), null).status())
        .isEqualTo(201);

    // the caseworker refuses it at sorting (privacy): the proposal ends REJECTED
    Task sort =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey(TASK_SORT_PROPOSAL)
            .singleResult();
    taskService.complete(
        sort.getId(),
        Variable.values(EXCLUSION.is("PRIVACY"), SORTING_NOTE.is("涉及个人隐私，不纳入协商议事；可向社区咨询。")));
    assertThat(get("/api/proposals/" + number).body().get("status").asText()).isEqualTo("REJECTED");

    List<Notification> toCoSigners =
        outbox.ofProposal(number).stream().filter(n -> n.recipient().equals(toldPhone)).toList();
    assertThat(toCoSigners).hasSize(1);
    assertThat(toCoSigners.get(0).message()).startsWith("您联署的提案《楼顶漏水》").contains("未予采纳");
    assertThat(outbox.ofProposal(number)).noneMatch(n -> n.recipient().equals(quietPhone));

    int coSignatures = rows("proposal_cosignature");
    Answer late =
        post("/api/proposals/" + number + "/cosignatures", coSigner(anotherPhone()), null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("detail").asText()).contains("不能再联署");
    assertThat(rows("proposal_cosignature")).isEqualTo(coSignatures);
  }

  @Test
  void everyKindOfBadCoSignatureIsRefusedAndLeavesNothingBehind() throws Exception {
    String number = submit("健身器材损坏");
    String path = "/api/proposals/" + number + "/cosignatures";
    int coSignatures = rows("proposal_cosignature");
    int views = rows("proposal_view");
    long started = lifecycles();
    int before = keys();

    ObjectNode missing = coSigner(anotherPhone());
    missing.remove(ProposalController.COSIGNER_NAME);
    ObjectNode tooLong = coSigner(anotherPhone());
    tooLong.put(ProposalController.COSIGNER_NAME, "名".repeat(51));
    ObjectNode unknown = coSigner(anotherPhone());
    unknown.put("household", 3);
    ObjectNode wrongType = coSigner(anotherPhone());
    wrongType.put(ProposalController.COSIGNER_NOTIFY, "yes");
    ObjectNode numberPhone = JSON.createObjectNode();
    numberPhone.put(ProposalController.COSIGNER_NAME, "王");
    numberPhone.put(ProposalController.COSIGNER_PHONE, 13700000000L);
    ObjectNode badPhone = coSigner(anotherPhone());
    badPhone.put(ProposalController.COSIGNER_PHONE, "12345");
    ObjectNode foreignCourtyard = coSigner(anotherPhone());
    foreignCourtyard.put(COURTYARD.name(), OTHER_COURTYARD);

    record Case(String what, Object body, String field) {}
    for (Case c :
        List.of(
            new Case("missing", missing, ProposalController.COSIGNER_NAME),
            new Case("too long", tooLong, ProposalController.COSIGNER_NAME),
            new Case("unknown field", unknown, "household"),
            new Case("wrong type", wrongType, ProposalController.COSIGNER_NOTIFY),
            new Case("a number for text", numberPhone, ProposalController.COSIGNER_PHONE),
            new Case("not a mobile", badPhone, ProposalController.COSIGNER_PHONE),
            new Case("another community's courtyard", foreignCourtyard, COURTYARD.name()))) {
      Answer refused = post(path, c.body(), UUID.randomUUID().toString());
      assertThat(refused.status()).as(c.what()).isEqualTo(400);
      assertThat(refused.isProblem()).as(c.what()).isTrue();
      assertThat(refused.fields()).as(c.what()).containsExactly(c.field());
    }
    Answer malformed =
        post(path, "application/json", "{\"name\": ".getBytes(StandardCharsets.UTF_8), "k-1");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.fields()).containsExactly("body");
    Answer tooLarge =
        post(
            path,
            "application/json",
            ("{\"name\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
            "k-2");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.isProblem()).isTrue();
    Answer notJson =
        post(
            path, "text/plain", "name=王&phone=13700000000".getBytes(StandardCharsets.UTF_8), "k-3");
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(notJson.isProblem()).isTrue();

    assertThat(rows("proposal_cosignature")).isEqualTo(coSignatures);
    assertThat(rows("proposal_view")).isEqualTo(views);
    assertThat(lifecycles()).isEqualTo(started);
    assertThat(keys()).isEqualTo(before);
    assertThat(get("/api/proposals/" + number).body().get("coSigners").asInt()).isEqualTo(3);
  }
}
