package cn.yishi.audit;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.proposal.ProposalLifecycleProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An auditor reads the whole trail of a proposal through the real API (H2 or PostgreSQL, the
 * deployed diagrams and tables): who sorted it and the correction they made, every table's inputs
 * and outputs, a meeting's counts with its intact signature, which fails after the stored record is
 * changed; the CSV; the search; and a supervisor of another community reads none of it. The job
 * executor is off, so the test runs the signing job itself.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class AuditTrailIT {

  private static final String DEMO_PASSWORD = "demo";
  private static final String OTHER_SUPERVISOR = "ma-supervisor-audit";
  private static final String JLDBL = "jn-jld-jldbl";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void supervisorOfAnotherCommunity() {
    if (identityService.createUserQuery().userId(OTHER_SUPERVISOR).count() == 0) {
      User user = identityService.newUser(OTHER_SUPERVISOR);
      user.setFirstName("马鞍");
      user.setLastName("监督");
      user.setPassword(DEMO_PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(OTHER_SUPERVISOR, "jn-smq-ma.supervisor");
    }
  }

  private String submit(String title) {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), title);
    v.put(DESCRIPTION.name(), "院内堆放杂物多年，排水沟堵塞，雨天积水。");
    v.put(COMMUNITY.name(), JLDBL);
    v.put(COURTYARD.name(), "jn-jld-jldbl-jhy");
    v.put(SUBMITTER_NAME.name(), "张先生");
    v.put(SUBMITTER_PHONE.name(), "13900000001");
    v.put(TOPIC.name(), "NOISE");
    v.put(SCOPE.name(), "COURTYARD");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created =
        http.exchange(
            "/api/proposals", HttpMethod.POST, new HttpEntity<>(v, headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get(NUMBER.name()).asText();
  }

  private <T> ResponseEntity<T> as(
      String user, HttpMethod method, String path, Object body, MediaType accept, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, DEMO_PASSWORD);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(accept));
    return http.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  private JsonNode trail(String user, String number) {
    ResponseEntity<JsonNode> answer =
        as(
            user,
            HttpMethod.GET,
            "/api/audit/proposals/" + number,
            null,
            MediaType.APPLICATION_JSON,
            JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static List<JsonNode> events(JsonNode trail, String kind) {
    List<JsonNode> found = new ArrayList<>();
    trail
        .get("events")
        .forEach(
            e -> {
              if (kind.equals(e.get("kind").asText())) {
                found.add(e);
              }
            });
    return found;
  }

  @Test
  void theTrailShowsWhoSortedTheProposalTheCorrectionAndEveryTablesInputsAndOutputs() {
    String number = submit("马东大院杂物清理");
    String lifecycle =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .singleResult()
            .getId();
    Task sort =
        taskService
            .createTaskQuery()
            .processInstanceId(lifecycle)
            .taskDefinitionKey(ProposalLifecycleProcess.TASK_SORT_PROPOSAL)
            .singleResult();
    assertThat(
            as(
                    "jldbl-caseworker",
                    HttpMethod.POST,
                    "/engine-rest/task/" + sort.getId() + "/claim",
                    Map.of("userId", "jldbl-caseworker"),
                    MediaType.APPLICATION_JSON,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> corrected =
        Map.of(
            "variables",
            Map.of(
                TOPIC.name(), Map.of("value", "SANITATION", "type", "String"),
                EXCLUSION.name(), Map.of("value", "NONE", "type", "String"),
                ProposalLifecycleProcess.CORRECTION_REASON.name(),
                    Map.of("value", "杂物与排水属环境卫生，不是噪声", "type", "String")));
    assertThat(
            as(
                    "jldbl-caseworker",
                    HttpMethod.POST,
                    "/engine-rest/task/" + sort.getId() + "/submit-form",
                    corrected,
                    MediaType.APPLICATION_JSON,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode trail = trail("auditor", number);
    assertThat(trail.get("number").asText()).isEqualTo(number);
    assertThat(trail.get("communityName").asText()).isEqualTo("九里堤北路社区");
    assertThat(trail.get("finished").asBoolean()).isFalse();

    List<JsonNode> corrections = events(trail, "CORRECTION");
    assertThat(corrections).hasSize(1);
    JsonNode correction = corrections.get(0);
    assertThat(correction.get("actor").asText()).isEqualTo("jldbl-caseworker");
    assertThat(correction.get("actorName").asText()).isEqualTo("王芳");
    assertThat(correction.get("details").get("字段").asText()).isEqualTo(TOPIC.name());
    assertThat(correction.get("details").get("原值").asText()).isEqualTo("NOISE");
    assertThat(correction.get("details").get("新值").asText()).isEqualTo("SANITATION");
    assertThat(correction.get("details").get("理由").asText()).isEqualTo("杂物与排水属环境卫生，不是噪声");

    JsonNode sorted =
        events(trail, "STEP").stream()
            .filter(
                e ->
                    ProposalLifecycleProcess.TASK_SORT_PROPOSAL.equals(
                        e.get("activityId").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(sorted.get("step").asText()).isEqualTo("分拣提案");
    assertThat(sorted.get("actor").asText()).isEqualTo("jldbl-caseworker");
    // in the words of the sorting form the caseworker saw
    assertThat(sorted.get("outcome").asText()).contains("议题：整治类：环境卫生").contains("是否可议：可议（无排除情形）");
    assertThat(sorted.get("details").get(TOPIC.name()).asText()).isEqualTo("SANITATION");

    // the classification tables: evaluated at intake with the resident's topic, again after the
    // correction with the corrected one
    List<String> categoryInputs = new ArrayList<>();
    trail
        .get("decisions")
        .forEach(
            d -> {
              if ("proposalCategory".equals(d.get("definitionKey").asText())) {
                categoryInputs.add(d.get("inputs").get(0).get("value").asText());
                assertThat(d.get("outputs").get(0).get("name").asText()).isEqualTo(CATEGORY.name());
                assertThat(d.get("version").asInt()).isPositive();
              }
            });
    assertThat(categoryInputs).first().isEqualTo("NOISE");
    assertThat(events(trail, "DECISION")).hasSameSizeAs(trail.get("decisions"));

    JsonNode process = trail.get("processes").get(0);
    assertThat(process.get("key").asText()).isEqualTo(ProposalLifecycleProcess.KEY);
    assertThat(process.get("visited").toString())
        .contains(ProposalLifecycleProcess.TASK_SORT_PROPOSAL);
    // the path: back to classification after the correction, then on as already sorted; the
    // "no correction" exit lies between two passed gateways but was not taken
    assertThat(process.get("taken").toString())
        .contains("\"Flow_Corrected\"", "\"Flow_AlreadySorted\"")
        .doesNotContain("\"Flow_NotCorrected\"");
    ResponseEntity<String> xml =
        as(
            "auditor",
            HttpMethod.GET,
            process.get("diagram").asText(),
            null,
            MediaType.ALL,
            String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains(ProposalLifecycleProcess.TASK_SORT_PROPOSAL);

    // CSV: the same events, one row each, with a byte-order mark for Excel and WPS
    ResponseEntity<byte[]> csv =
        as(
            "auditor",
            HttpMethod.GET,
            "/api/audit/proposals/" + number,
            null,
            MediaType.parseMediaType("text/csv"),
            byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(number + "-trail.csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF时间,类别,流程,步骤,办理人,结果,详情\r\n");
    assertThat(text).contains("杂物与排水属环境卫生，不是噪声");

    // the search: by the last digits of the number, by community; supervisors only their own
    String digits = number.substring(number.lastIndexOf('-') + 1).replaceFirst("^0+", "");
    JsonNode byNumber =
        as(
                "auditor",
                HttpMethod.GET,
                "/api/audit/proposals?number=" + digits,
                null,
                MediaType.APPLICATION_JSON,
                JsonNode.class)
            .getBody();
    assertThat(byNumber.get("items").get(0).get("number").asText()).isEqualTo(number);
    JsonNode own =
        as(
                "jldbl-supervisor",
                HttpMethod.GET,
                "/api/audit/proposals?community=" + JLDBL + "&size=100",
                null,
                MediaType.APPLICATION_JSON,
                JsonNode.class)
            .getBody();
    assertThat(own.get("items").toString()).contains(number);
    assertThat(trail("jldbl-supervisor", number).get("number").asText()).isEqualTo(number);
    JsonNode others =
        as(
                OTHER_SUPERVISOR,
                HttpMethod.GET,
                "/api/audit/proposals?size=100",
                null,
                MediaType.APPLICATION_JSON,
                JsonNode.class)
            .getBody();
    assertThat(others.get("items").toString()).doesNotContain(number);
    ResponseEntity<JsonNode> refused =
        as(
            OTHER_SUPERVISOR,
            HttpMethod.GET,
            "/api/audit/proposals/" + number,
            null,
            MediaType.APPLICATION_JSON,
            JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").asText()).isEqualTo("只能查看本社区的提案");

    assertThat(
            as(
                    null,
                    HttpMethod.GET,
                    "/api/audit/proposals/" + number,
                    null,
                    MediaType.APPLICATION_JSON,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> badDate =
        as(
            "auditor",
            HttpMethod.GET,
            "/api/audit/proposals?from=2026-13-01",
            null,
            MediaType.APPLICATION_JSON,
            JsonNode.class);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody().get("parameter").asText()).isEqualTo("from");
    assertThat(
            as(
                    "auditor",
                    HttpMethod.GET,
                    "/api/audit/proposals/JN-1999-999999",
                    null,
                    MediaType.APPLICATION_JSON,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.ProcessEngineConfiguration engineConfiguration;
  @Autowired org.springframework.core.env.Environment environment;

  @Autowired cn.yishi.retention.RetentionCleanup retention;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired cn.yishi.proposal.ProposalViewService views;
  @Autowired cn.yishi.notification.NotificationOutbox outbox;

  @Test
  void cleanupRemovesAnExpiredProposalFromCamundasTablesAndYishisAndKeepsTheRest() {
    String ended = submit("违规搭建要求处理");
    String running = submit("楼道照明维修");
    String lifecycle =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ended)
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .singleResult()
            .getId();
    Task sort = taskService.createTaskQuery().processInstanceId(lifecycle).singleResult();
    taskService.claim(sort.getId(), "jldbl-caseworker");
    taskService.complete(
        sort.getId(),
        Map.of(
            EXCLUSION.name(), "UNLAWFUL",
            SORTING_NOTE.name(), "诉求违反法律法规，不予协商；已告知提案人可向城管部门反映。"));
    assertThat(views.find(ended).orElseThrow().status().name()).isEqualTo("REJECTED");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(lifecycle)
                .singleResult()
                .getEndTime())
        .isNotNull();

    assertThat(outbox.ofProposal(ended)).as("the rejection told to the submitter").isNotEmpty();

    // nothing has expired yet: the cleanup keeps everything
    assertThat(retention.run()).isZero();
    assertThat(views.find(ended)).isPresent();

    java.util.Date later =
        java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(3651)));
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(later);
    try {
      Job cleanup = historyService.cleanUpHistoryAsync(true);
      managementService.executeJob(cleanup.getId());
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKey(ended)
                  .count())
          .as("Camunda's history of the proposal ended ten years ago")
          .isZero();
      assertThat(
              historyService
                  .createHistoricDecisionInstanceQuery()
                  .processInstanceId(lifecycle)
                  .count())
          .isZero();

      assertThat(retention.run()).isEqualTo(1);
      assertThat(views.find(ended)).as("Yishi's view of the expired proposal").isEmpty();
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM proposal_timeline WHERE proposal_number = ?",
                  Integer.class,
                  ended))
          .isZero();
      assertThat(outbox.ofProposal(ended)).as("its notifications").isEmpty();
      assertThat(views.find(running)).as("a running proposal").isPresent();
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKey(running)
                  .count())
          .isPositive();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void historyIsKeptTenYearsForEveryModelAndCleanedUpInTheConfiguredWindow() {
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineConfiguration;
    assertThat(configuration.getHistory()).isEqualTo("full");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime())
        .isEqualTo(environment.getProperty("yishi.retention.cleanup-window-start"))
        .isNotBlank();
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime())
        .isEqualTo(environment.getProperty("yishi.retention.cleanup-window-end"))
        .isNotBlank();
    assertThat(configuration.getHistoryCleanupBatchSize())
        .isEqualTo(environment.getProperty("yishi.retention.cleanup-batch-size", Integer.class));
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
  }

  @Test
  void aMeetingsCountsVerdictAndIntactSignatureShowAndTamperingMakesItsVerificationFail() {
    String number = submit("马东大院排水沟修复");
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), number);
    v.put(TITLE.name(), "马东大院排水沟修复");
    v.put(COMMUNITY.name(), JLDBL);
    v.put(
        TIME_LIMITS.name(),
        Map.of("stepWithin", "P3D", "noticePeriod", "P7D", "objectionRoundLevelAbove", 3));
    v.put(MEETING_BODY.name(), "TWO_COMMITTEES");
    v.put(MEETING_STEP.name(), "商议");
    v.put(MEETING_GROUP.name(), JLDBL + ".two-committees");
    v.put(MEETING_PLAN.name(), "修复排水沟。");
    ProcessInstance meeting =
        runtimeService.startProcessInstanceByKey(DeliberationMeetingProcess.KEY, number, v);
    Task hold = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    taskService.claim(hold.getId(), "jldbl-twocommittees");
    Map<String, Object> counts = new HashMap<>();
    counts.put(DeliberationMeetingProcess.MEMBERS.name(), 9L);
    counts.put(DeliberationMeetingProcess.PRESENT.name(), 7L);
    counts.put(DeliberationMeetingProcess.IN_FAVOUR.name(), 6L);
    counts.put(DeliberationMeetingProcess.PARTICIPANTS.name(), "张建国\n李秀英\n王芳\n赵磊\n陈静\n刘洋\n周敏");
    counts.put(DeliberationMeetingProcess.MINUTES.name(), "一致同意先修复排水沟。");
    taskService.complete(hold.getId(), counts);
    for (Job job : managementService.createJobQuery().processInstanceId(meeting.getId()).list()) {
      managementService.executeJob(job.getId());
    }

    JsonNode trail = trail("auditor", number);
    List<JsonNode> records = events(trail, "MEETING_RECORD");
    assertThat(records).hasSize(1);
    JsonNode record = records.get(0);
    assertThat(record.get("verified").asBoolean()).isTrue();
    assertThat(record.get("outcome").asText()).isEqualTo("验签通过");
    assertThat(record.get("actor").asText()).isEqualTo("jldbl-twocommittees");
    assertThat(record.get("details").get(DeliberationMeetingProcess.MEMBERS.name()).asInt())
        .isEqualTo(9);
    assertThat(record.get("details").get(DeliberationMeetingProcess.PRESENT.name()).asInt())
        .isEqualTo(7);
    assertThat(record.get("details").get(DeliberationMeetingProcess.IN_FAVOUR.name()).asInt())
        .isEqualTo(6);
    JsonNode verdict = null;
    for (JsonNode d : trail.get("decisions")) {
      if ("meetingResolution".equals(d.get("definitionKey").asText())) {
        verdict = d;
      }
    }
    assertThat(verdict).as("the meetingResolution evaluation").isNotNull();
    assertThat(verdict.get("outputs").get(0).get("value").asText()).isEqualTo("PASSED");
    assertThat(verdict.get("inputs").toString()).contains("TWO_COMMITTEES");
    assertThat(trail.get("processes").toString()).contains(DeliberationMeetingProcess.KEY);

    String recordId = record.get("details").get("记录编号").asText();
    jdbc.update(
        "UPDATE signature_record SET content = REPLACE(content, '\"inFavour\":6', '\"inFavour\":3') WHERE id = ?",
        recordId);
    JsonNode tampered = events(trail("auditor", number), "MEETING_RECORD").get(0);
    assertThat(tampered.get("verified").asBoolean()).isFalse();
    assertThat(tampered.get("outcome").asText()).startsWith("验签失败");
  }

  private ResponseEntity<JsonNode> session(
      HttpMethod method, String cookie, MediaType type, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Requested-With", "yishi-audit");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (type != null) {
      headers.setContentType(type);
    }
    if (cookie != null) {
      headers.set(HttpHeaders.COOKIE, cookie);
    }
    return http.exchange(
        "/api/audit/session", method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String sessionCookie(ResponseEntity<?> answer) {
    List<String> cookies = answer.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(cookies).as("a session cookie is set").isNotNull();
    String cookie =
        cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void theAuditPageLogsInWithAStrictSessionOfANewIdReadsWithItAndLogsOut() {
    String number = submit("金禾苑楼道堆物");
    String login = "{\"username\": \"auditor\", \"password\": \"demo\"}";

    // an unknown user (a wrong password would lock a real account for seconds): 401 without
    // WWW-Authenticate, so the page shows its own message and the browser no password dialog
    ResponseEntity<JsonNode> wrong =
        session(
            HttpMethod.POST,
            null,
            MediaType.APPLICATION_JSON,
            "{\"username\": \"no-such-auditor\", \"password\": \"x\"}");
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(wrong.getBody().get("detail").asText()).isEqualTo("用户名或密码不正确");
    assertThat(session(HttpMethod.POST, null, MediaType.TEXT_PLAIN, login).getStatusCode().value())
        .isEqualTo(415);
    assertThat(
            session(
                    HttpMethod.POST,
                    null,
                    MediaType.APPLICATION_JSON,
                    "{\"username\": \"auditor\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            session(
                    HttpMethod.POST,
                    null,
                    MediaType.APPLICATION_JSON,
                    "{\"username\": \"jldbl-caseworker\", \"password\": \"demo\"}")
                .getStatusCode())
        .as("a caseworker is no auditor")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(session(HttpMethod.GET, null, null, null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> loggedIn =
        session(HttpMethod.POST, null, MediaType.APPLICATION_JSON, login);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loggedIn.getBody().get("userId").asText()).isEqualTo("auditor");
    assertThat(loggedIn.getBody().get("readsAll").asBoolean()).isTrue();
    String cookie = sessionCookie(loggedIn);
    assertThat(session(HttpMethod.GET, cookie, null, null).getBody().get("userId").asText())
        .isEqualTo("auditor");

    HttpHeaders withSession = new HttpHeaders();
    withSession.set(HttpHeaders.COOKIE, cookie);
    withSession.set("X-Requested-With", "yishi-audit");
    ResponseEntity<JsonNode> read =
        http.exchange(
            "/api/audit/proposals/" + number,
            HttpMethod.GET,
            new HttpEntity<>(withSession),
            JsonNode.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody().get("statusLabel").asText()).isEqualTo("分拣中");
    assertThat(read.getBody().get("events").get(0).has("kindLabel")).isTrue();

    // logging in again on that session gives it a new id: a planted id never becomes a login
    String again =
        sessionCookie(session(HttpMethod.POST, cookie, MediaType.APPLICATION_JSON, login));
    assertThat(again).isNotEqualTo(cookie);
    assertThat(session(HttpMethod.DELETE, again, null, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(session(HttpMethod.GET, again, null, null).getStatusCode())
        .as("logged out")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.exchange(
                    "/api/audit/proposals/" + number,
                    HttpMethod.GET,
                    new HttpEntity<>(withSession),
                    JsonNode.class)
                .getStatusCode())
        .as("the old session id was retired at the second login")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(session(HttpMethod.PUT, null, MediaType.APPLICATION_JSON, login).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theAuditPageIsServedWithItsViewerUnderAPolicyThatRunsOnlyYishisScripts() {
    ResponseEntity<String> page = http.getForEntity("/audit/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("议事 · 审计查阅").doesNotContain("<script>");
    String csp = page.getHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'");
    assertThat(csp).doesNotContain("unsafe-eval");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    ResponseEntity<String> viewer =
        http.getForEntity(
            "/audit/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js", String.class);
    assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(viewer.getBody()).contains("BpmnJS");
    assertThat(http.getForEntity("/audit/audit.js", String.class).getBody())
        .contains("/api/audit/session");

    // (the test client follows the redirect of /audit to /audit/)
    ResponseEntity<String> bare = http.getForEntity("/audit", String.class);
    assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bare.getBody()).contains("议事 · 审计查阅");
  }
}
