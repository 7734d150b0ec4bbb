package cn.yishi.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.YishiApplication;
import cn.yishi.common.CommonVariables;
import cn.yishi.notice.OpenNotices;
import cn.yishi.openapi.OpenApiIT;
import cn.yishi.proposal.ProposalApiIT;
import cn.yishi.proposal.ProposalFields;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.testsupport.Gen;
import cn.yishi.testsupport.PropertyCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based tests (our own harness, {@link PropertyCheck}) of every public endpoint (/api/**,
 * CONTRACT §4): random and malformed payloads — random JSON values and shapes, wrong types, huge,
 * 1e309, negative and fractional numbers, long and odd Unicode strings (NUL, RTL, emoji, lone
 * surrogates), unknown and missing fields, malformed JSON, invalid UTF-8, wrong or empty
 * Content-Types and charsets, random path segments and query parameters, stray Authorization and
 * repeated Idempotency-Key headers.
 *
 * <p>Every answer must be one of CONTRACT §4's codes (or 408, 429), never a 5xx; a refusal is
 * application/problem+json with its status; and nothing is half-made: after each try the stored
 * proposals (engine history and read model), co-signatures, objections and evaluations changed by
 * exactly what the answer says was created (one for a first 201/200, none otherwise, none for a
 * replay), and after all properties their totals equal the successes seen.
 *
 * <p>Plain JUnit 5 without Spring's extension: Yishi is started once for the class with {@link
 * SpringApplicationBuilder} on a random port; its database comes from the test classpath's {@code
 * TestDatabaseInitializer} (H2 or embedded PostgreSQL, as Failsafe chose), which releases it when
 * the context closes. 127.0.0.1 is a trusted proxy but not a trusted client, so each try names its
 * own client in X-Forwarded-For and the write limit (20 an hour per address here) stays out of the
 * way, except in {@link #theWriteLimitAnswers429WithRetryAfter}, which sends from one address.
 *
 * <p>Each property is a generator ({@link Gen}), a check and a number of tries ({@link
 * PropertyCheck}); the seed of a run comes from {@code -Dyishi.property.seed=N} or is random, and a
 * failure names it with the try and the sample, so the same seed sends the same requests again.
 * There is no shrinking: the records counted before and after each try must not see requests of
 * another try. (Why an in-repo harness and no property-testing library: README, "Layout".)
 */
class PublicApiPropertiesIT {

  /** Every /api mapping this test sends requests to: a new one must be added here, and tried. */
  /**
   * Every endpoint of CONTRACT §4 and the audit API, as OpenApiIT lists them; each must be tried
   * here (counted after the properties), and every /api mapping and documented operation must be
   * one of them.
   */
  static final Set<String> COVERED = Set.copyOf(OpenApiIT.ENDPOINTS);

  /** CONTRACT §4's codes, with 408 and 429 that any call may answer; 401 only for the audit API. */
  static final Set<Integer> CONTRACT_CODES =
      Set.of(200, 201, 400, 403, 404, 409, 413, 415, 422, 408, 429);

  static final int WRITES_PER_ADDRESS = 20;
  private static final java.util.regex.Pattern PLAIN_PATH =
      java.util.regex.Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
  private static final AtomicInteger LIMITED_CLIENTS = new AtomicInteger();
  static final String PHONE = "13712345678";
  static final String COMMUNITY = "jn-cdz-hz";
  static final String COURTYARD = "jn-cdz-hz-jsgj";
  static final String AUDITOR = "auditor";
  static final String OTHER_SUPERVISOR = "jldbl-supervisor";
  static final String DEMO_PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private static ConfigurableApplicationContext yishi;
  private static HttpClient http;
  private static String base;

  private static final List<String> sortingNumbers = new ArrayList<>();
  private static final List<String> awaitingNumbers = new ArrayList<>();
  private static final List<String> openNotices = new ArrayList<>();
  private static final List<String> definitionIds = new ArrayList<>();
  private static final List<String> streets = new ArrayList<>();
  private static final List<String> communities = new ArrayList<>();
  private static final List<String> courtyards = new ArrayList<>();

  /** The submission's required fields, as the OpenAPI description documents them. */
  private static final Set<String> submissionRequired = new TreeSet<>();

  /** The stored records before the first property, and what the properties created since. */
  private static Counts before;

  private static final Map<Kind, AtomicLong> CREATED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> TRIED = new ConcurrentHashMap<>();
  private static final Set<Integer> SEEN = new ConcurrentSkipListSet<>();
  private static final Map<Integer, AtomicInteger> STATUSES =
      new java.util.concurrent.ConcurrentSkipListMap<>();
  private static final AtomicInteger RESENT = new AtomicInteger();

  // ------------------------------------------------------------------ the application

  @BeforeAll
  static void startYishi() throws Exception {
    yishi =
        new SpringApplicationBuilder(YishiApplication.class)
            .run(
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--yishi.limits.writes.per-address=" + WRITES_PER_ADDRESS,
                "--yishi.limits.writes.window=PT1H",
                "--yishi.limits.writes.trusted-clients=192.0.2.10",
                "--yishi.limits.writes.trusted-proxies=127.0.0.1,::1",
                // wrong phones are tried often: keep the awaiting proposals rateable
                "--yishi.limits.phone-checks.failures=1000");
    int port = ((WebServerApplicationContext) yishi).getWebServer().getPort();
    base = "http://localhost:" + port;
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    readOrganisation();
    JSON.readTree(send(Call.get("-", "/v3/api-docs")).body())
        .at("/components/schemas/ProposalSubmission/required")
        .forEach(field -> submissionRequired.add(field.asText()));
    assertThat(submissionRequired).contains("title", "submitterPhone");
    for (int i = 0; i < 4; i++) {
      sortingNumbers.add(submitFixture());
    }
    for (int i = 0; i < 10; i++) {
      awaitingNumbers.add(awaitingEvaluation(submitFixture()));
    }
    openNotices.add(
        OpenNotices.open(
            yishi.getBean(RuntimeService.class),
            yishi.getBean(ManagementService.class),
            COMMUNITY));
    openNotices.add(
        OpenNotices.open(
            yishi.getBean(RuntimeService.class),
            yishi.getBean(ManagementService.class),
            COMMUNITY));
    yishi
        .getBean(org.camunda.bpm.engine.RepositoryService.class)
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(d -> definitionIds.add(d.getId()));
    before = Counts.now();
  }

  @AfterAll
  static void everyEndpointWasTriedAndNothingElseWasCreated() {
    try {
      if (before == null) {
        return;
      }
      Counts after = Counts.now();
      System.out.printf(
          "PublicApiPropertiesIT: answers per status %s; requests per endpoint %s; created %s;"
              + " sent again on a closed connection %d%n",
          STATUSES, new java.util.TreeMap<>(TRIED), CREATED, RESENT.get());
      for (String endpoint : COVERED) {
        assertThat(TRIED.getOrDefault(endpoint, new AtomicInteger()).get())
            .as("requests to %s", endpoint)
            .isGreaterThanOrEqualTo(10);
      }
      assertThat(after.minus(before))
          .as("records created in all = the first 201/200 answers seen")
          .isEqualTo(Counts.of(CREATED));
      assertThat(SEEN).as("answers seen").contains(200, 201, 400, 404, 409, 413, 415, 422, 429);
    } finally {
      if (yishi != null) {
        yishi.close();
      }
    }
  }

  // ------------------------------------------------------------------ the properties

  @Test
  void everyApiMappingAndEveryDocumentedOperationIsCovered() throws Exception {
    Set<String> mapped = new TreeSet<>();
    RequestMappingHandlerMapping mappings =
        yishi.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals("/api") || pattern.startsWith("/api/")) {
          for (RequestMethod m : info.getMethodsCondition().getMethods()) {
            mapped.add(m.name() + " " + pattern);
          }
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    JsonNode document = JSON.readTree(send(Call.get("-", "/v3/api-docs")).body());
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    assertThat(mapped).as("Spring MVC's /api mappings").contains("POST /api/proposals");
    assertThat(COVERED).as("covered by this test: every /api mapping").containsAll(mapped);
    assertThat(COVERED)
        .as("covered by this test: every documented operation")
        .containsAll(documented);
  }

  @Test
  void submissions() {
    Gen<Call> posts =
        Gen.combine(
            submissionBodies(),
            contentTypes(),
            (body, contentType) ->
                Call.post("POST /api/proposals", "/api/proposals", body, contentType));
    Gen<Call> calls =
        Gen.combine(
            posts,
            idempotencyKeys(),
            authorizations(),
            (call, key, authorization) ->
                call.with("Idempotency-Key", key).with("Authorization", authorization));
    PropertyCheck.forAll("submissions", 200, calls, call -> check(call, 201, Kind.PROPOSAL));
  }

  @Test
  void coSignatures() {
    PropertyCheck.forAll(
        "coSignatures",
        150,
        pathPosts(
            "POST /api/proposals/{number}/cosignatures", proposalNumbers(), coSignatureBodies()),
        call -> check(call, 201, Kind.CO_SIGNATURE));
  }

  @Test
  void evaluations() {
    PropertyCheck.forAll(
        "evaluations",
        200,
        pathPosts(
            "POST /api/proposals/{number}/evaluation", evaluationNumbers(), evaluationBodies()),
        call -> check(call, 200, Kind.EVALUATION));
  }

  @Test
  void objections() {
    PropertyCheck.forAll(
        "objections",
        150,
        pathPosts("POST /api/notices/{id}/objections", noticeIds(), objectionBodies()),
        call -> check(call, 201, Kind.OBJECTION));
  }

  /** POSTs to an endpoint: a path segment, a body, a Content-Type and an Idempotency-Key each. */
  private Gen<Call> pathPosts(String endpoint, Gen<String> segments, Gen<Body> bodies) {
    return Gen.combine(
        Gen.combine(segments, bodies, Target::new),
        contentTypes(),
        idempotencyKeys(),
        (target, contentType, key) ->
            post(endpoint, target.segment(), target.body(), contentType)
                .with("Idempotency-Key", key));
  }

  /** A path segment (number or id) and the body sent there. */
  record Target(String segment, Body body) {}

  @Test
  void reads() {
    PropertyCheck.forAll("reads", 300, readCalls(), call -> check(call, 200, null));
  }

  /** A POST, another body, and whether each of its one or two retries sends the same body. */
  record Retries(Call first, Body other, List<Boolean> sameBody) {}

  /**
   * The same POST sent two or three times with one key: the first answer is kept (a replay says
   * Idempotency-Replayed and creates nothing), the same key with another body is 422.
   */
  @Test
  void repeatedIdempotencyKeys() {
    PropertyCheck.forAll(
        "repeatedIdempotencyKeys",
        40,
        Gen.combine(idempotentPosts(), submissionBodies(), repeats(), Retries::new),
        PublicApiPropertiesIT::retried);
  }

  private static void retried(Retries sample) {
    Call first = sample.first();
    Body other = sample.other();
    String key = "props-" + java.util.UUID.randomUUID();
    Answer answer = check(first.with("Idempotency-Key", key), first.success(), first.kind());
    for (boolean same : sample.sameBody()) {
      Call retry =
          (same ? first : first.withBody(other)).with("Idempotency-Key", key).fromNewClient();
      Answer again = check(retry, first.success(), first.kind());
      if (answer.status() / 100 == 2) {
        if (same) {
          assertThat(again.status()).as("a retry gets the first answer").isEqualTo(answer.status());
          assertThat(again.header("Idempotency-Replayed")).contains("true");
          assertThat(again.body()).isEqualTo(answer.body());
        } else if (!java.util.Arrays.equals(retry.body(), first.body())) {
          // a body over 64 KB is refused before its key is looked at
          assertThat(again.status())
              .as("the same key with another body")
              .isEqualTo(retry.body().length > JsonBody.MAX_BYTES ? 413 : 422);
        }
      }
    }
  }

  /**
   * One client address over its limit: the first {@value #WRITES_PER_ADDRESS} POSTs reach the API,
   * the rest are 429 problem+json with Retry-After, and a 429 creates nothing.
   */
  @Test
  void theWriteLimitAnswers429WithRetryAfter() {
    PropertyCheck.forAll(
        "theWriteLimitAnswers429WithRetryAfter",
        2,
        limitedPosts(),
        PublicApiPropertiesIT::overTheLimit);
  }

  private static void overTheLimit(List<Call> calls) {
    // an address of its own for each try (a rerun of the same seed must not find it used up)
    int n = LIMITED_CLIENTS.incrementAndGet();
    String address = "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    int limited = 0;
    for (Call call : calls) {
      Answer answer = check(call.withClient(address), call.success(), call.kind());
      if (answer.status() == 429) {
        limited++;
        assertThat(answer.header("Retry-After").orElse(""))
            .as("Retry-After")
            .matches("[1-9][0-9]*");
      }
    }
    int reached = calls.size() - limited;
    assertThat(reached)
        .as("POSTs of one address that reached the API (the bucket refills one every 3 minutes)")
        .isBetween(WRITES_PER_ADDRESS, WRITES_PER_ADDRESS + 1);
  }

  // ------------------------------------------------------------------ the oracle

  enum Kind {
    PROPOSAL,
    CO_SIGNATURE,
    EVALUATION,
    OBJECTION
  }

  /**
   * Sends the call and checks the answer: a CONTRACT code, problem+json for every refusal, and the
   * stored records changed by exactly what the answer says was created.
   */
  private static Answer check(Call call, int success, Kind kind) {
    Counts start = Counts.now();
    Answer answer = send(call);
    Counts end = Counts.now();
    TRIED.computeIfAbsent(call.endpoint(), e -> new AtomicInteger()).incrementAndGet();
    SEEN.add(answer.status());
    STATUSES.computeIfAbsent(answer.status(), c -> new AtomicInteger()).incrementAndGet();
    int status = answer.status();
    assertThat(status).as("never a 5xx: %s", answer).isLessThan(500);
    Set<Integer> allowed = new java.util.HashSet<>(CONTRACT_CODES);
    if (call.endpoint().startsWith("GET /api/audit/")) {
      allowed.add(401);
    }
    assertThat(allowed).as("a CONTRACT §4 code: %s", answer).contains(status);
    if (status / 100 == 2) {
      assertThat(status)
          .as("the success code of %s: %s", call.endpoint(), answer)
          .isEqualTo(success);
    } else {
      assertThat(answer.header("Content-Type").orElse(""))
          .as("a refusal is problem+json: %s", answer)
          .startsWith("application/problem+json");
      JsonNode problem = answer.json();
      assertThat(problem).as("a problem body: %s", answer).isNotNull();
      assertThat(problem.path("status").asInt()).as("its status: %s", answer).isEqualTo(status);
      if (status == 400
          && call.method().equals("POST")
          && PLAIN_PATH.matcher(call.path()).matches()) {
        // what Tomcat refuses before the API (an encoded slash, an invalid escape) has no fields
        assertThat(problem.path("errors").findValuesAsText("field"))
            .as("a 400 names the bad fields in errors: %s", answer)
            .isNotEmpty();
      }
    }
    boolean created =
        kind != null
            && status == success
            && !"true".equals(answer.header("Idempotency-Replayed").orElse(null));
    Counts expected = created ? Counts.one(kind) : Counts.ZERO;
    assertThat(end.minus(start))
        .as("records created by %s (answered %s)", call, answer.status())
        .isEqualTo(expected);
    if (created) {
      CREATED.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      if (kind == Kind.PROPOSAL) {
        assertThat(answer.header("Location").orElse(""))
            .endsWith("/api/proposals/" + answer.json().path("number").asText());
      }
    }
    return answer;
  }

  /** What is stored: proposals (engine history, read model), co-signatures, objections, ratings. */
  record Counts(long proposals, long views, long coSignatures, long objections, long evaluations) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    static Counts now() {
      JdbcTemplate jdbc = yishi.getBean(JdbcTemplate.class);
      HistoryService history = yishi.getBean(HistoryService.class);
      return new Counts(
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ProposalLifecycleProcess.KEY)
              .count(),
          count(jdbc, "proposal_view"),
          count(jdbc, "proposal_cosignature"),
          count(jdbc, "notice_objection"),
          history
              .createHistoricTaskInstanceQuery()
              .taskDefinitionKey(ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME)
              .taskDeleteReason("completed")
              .count());
    }

    private static long count(JdbcTemplate jdbc, String table) {
      Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
      return n == null ? 0 : n;
    }

    static Counts one(Kind kind) {
      return of(Map.of(kind, new AtomicLong(1)));
    }

    static Counts of(Map<Kind, AtomicLong> created) {
      long proposals = value(created, Kind.PROPOSAL);
      return new Counts(
          proposals,
          proposals,
          value(created, Kind.CO_SIGNATURE),
          value(created, Kind.OBJECTION),
          value(created, Kind.EVALUATION));
    }

    private static long value(Map<Kind, AtomicLong> created, Kind kind) {
      AtomicLong n = created.get(kind);
      return n == null ? 0 : n.get();
    }

    Counts minus(Counts o) {
      return new Counts(
          proposals - o.proposals,
          views - o.views,
          coSignatures - o.coSignatures,
          objections - o.objections,
          evaluations - o.evaluations);
    }
  }

  // ------------------------------------------------------------------ HTTP

  /** One request: what a failing property prints as its sample (the body cut to 300 characters). */
  record Call(
      String endpoint,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean chunked,
      int success,
      Kind kind) {

    static Call get(String endpoint, String path) {
      Map<String, String> headers = new LinkedHashMap<>();
      return new Call(endpoint, "GET", path, headers, null, false, 200, null);
    }

    static Call post(String endpoint, String path, Body body, String contentType) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      return new Call(endpoint, "POST", path, headers, body.bytes(), body.chunked(), 200, null)
          .fromNewClient();
    }

    Call with(String header, String value) {
      if (value == null) {
        return this;
      }
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(header, value);
      return new Call(endpoint, method, path, h, body, chunked, success, kind);
    }

    Call expecting(int success, Kind kind) {
      return new Call(endpoint, method, path, headers, body, chunked, success, kind);
    }

    Call withBody(Body other) {
      return new Call(
          endpoint, method, path, headers, other.bytes(), other.chunked(), success, kind);
    }

    Call withClient(String address) {
      return with("X-Forwarded-For", address);
    }

    /** Each POST from its own client address, so the write limit stays out of the way. */
    Call fromNewClient() {
      int n = CLIENTS.incrementAndGet();
      return withClient("10." + (n / 62500 % 250) + "." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      if (text.length() > 300) {
        text = text.substring(0, 300) + "…(" + body.length + " bytes)";
      }
      return method + " " + path + " " + headers + (chunked ? " chunked" : "") + " body=" + text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Call c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
      return toString().hashCode();
    }
  }

  record Answer(int status, Map<String, List<String>> headers, String body) {
    java.util.Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    JsonNode json() {
      try {
        return body == null || body.isBlank() ? null : JSON.readTree(body);
      } catch (Exception notJson) {
        return null;
      }
    }

    @Override
    public String toString() {
      String text = body.length() > 500 ? body.substring(0, 500) + "…" : body;
      return status + " " + header("Content-Type").orElse("(no Content-Type)") + " " + text;
    }
  }

  private static Answer send(Call call) {
    HttpRequest.BodyPublisher publisher;
    if (call.body() == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (call.chunked()) {
      byte[] bytes = call.body();
      publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    } else {
      publisher = HttpRequest.BodyPublishers.ofByteArray(call.body());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(Duration.ofSeconds(60))
            .method(call.method(), publisher);
    call.headers().forEach(request::header);
    try {
      HttpResponse<String> response;
      try {
        response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.io.IOException closed) {
        // a kept-alive connection Tomcat had closed after refusing a body unread (413, 415 …):
        // the request never reached it (the record counts around each try would show it if it
        // had); java.net.http retries only GETs by itself, so a POST is sent once more here
        if (!String.valueOf(closed.getMessage()).contains("received no bytes")) {
          throw closed;
        }
        RESENT.incrementAndGet();
        response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      }
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no answer to " + call, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ fixtures

  private static void readOrganisation() throws Exception {
    JsonNode tree = JSON.readTree(send(Call.get("-", "/api/organisation")).body());
    List<JsonNode> units = new ArrayList<>(List.of(tree));
    while (!units.isEmpty()) {
      JsonNode unit = units.remove(units.size() - 1);
      switch (unit.path("level").asText()) {
        case "STREET" -> streets.add(unit.path("code").asText());
        case "COMMUNITY" -> communities.add(unit.path("code").asText());
        case "COURTYARD" -> courtyards.add(unit.path("code").asText());
        default -> {}
      }
      unit.path("children").forEach(units::add);
    }
    assertThat(streets).isNotEmpty();
    assertThat(communities).contains(COMMUNITY);
    assertThat(courtyards).contains(COURTYARD);
  }

  static Map<String, Object> validProposal() {
    Map<String, Object> v = new LinkedHashMap<>(ProposalApiIT.greening());
    v.put("submitterPhone", PHONE);
    return v;
  }

  private static String submitFixture() throws Exception {
    Call call =
        Call.post(
            "POST /api/proposals",
            "/api/proposals",
            new Body(JSON.writeValueAsBytes(validProposal()), false),
            "application/json");
    Answer created = send(call);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("number").asText();
  }

  /** Moves a proposal to its evaluation step (the staff's work in between is not the subject). */
  private static String awaitingEvaluation(String number) {
    RuntimeService runtime = yishi.getBean(RuntimeService.class);
    ProcessInstance lifecycle =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    runtime
        .createProcessInstanceModification(lifecycle.getId())
        .cancelAllForActivity(ProposalLifecycleProcess.TASK_SORT_PROPOSAL)
        .startBeforeActivity(ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME)
        .setVariableLocal(CommonVariables.DELIBERATION_UNIT.name(), COMMUNITY)
        .execute();
    // what the sorting step sets (a rating of DISSATISFIED sends the proposal back by its route)
    runtime.setVariable(
        lifecycle.getId(), ProposalLifecycleProcess.ROUTE.name(), "DELIBERATE"); // CONTRACT §3
    return number;
  }

  // ------------------------------------------------------------------ generators: bodies

  /** One field of a JSON object: its name and its value as JSON text (null: left out). */
  record Field(String name, String value) {}

  /** A request body as sent: its bytes, and whether it is streamed (chunked, no Content-Length). */
  record Body(byte[] bytes, boolean chunked) {
    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return (text.length() > 300 ? text.substring(0, 300) + "…(" + bytes.length + " bytes)" : text)
          + (chunked ? " [chunked]" : "");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Body b && b.chunked == chunked && java.util.Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }

  Gen<Body> submissionBodies() {
    Map<String, Gen<String>> fields = new LinkedHashMap<>();
    fields.put("title", text(1, 120));
    fields.put("description", text(1, 5000));
    fields.put(
        "community",
        Gen.of(COMMUNITY, COMMUNITY, pick(communities)).map(PublicApiPropertiesIT::quote));
    fields.put("courtyard", Gen.of(COURTYARD, pick(courtyards)).map(PublicApiPropertiesIT::quote));
    fields.put("submitterName", text(1, 50));
    fields.put("submitterPhone", phones().map(PublicApiPropertiesIT::quote));
    // sorted: a set's order differs from run to run, and a seed must give the same bodies
    fields.put("topic", raw(new TreeSet<>(ProposalFields.TOPICS)));
    fields.put("scope", raw(new TreeSet<>(ProposalFields.SCOPES)));
    fields.put("jurisdiction", raw(new TreeSet<>(ProposalFields.JURISDICTIONS)));
    fields.put("crossJurisdiction", Gen.of("true", "false"));
    fields.put("affectedHouseholds", Gen.ints(1, 1_000_000).map(String::valueOf));
    fields.put("coSigners", Gen.ints(0, 1_000_000).map(String::valueOf));
    fields.put("stakeholderParties", Gen.ints(1, 1000).map(String::valueOf));
    fields.put(
        "estimatedCost",
        Gen.oneOf(
            Gen.ints(0, 10_000_000).map(String::valueOf),
            Gen.longs(0, 9_999_999_999L)
                .map(cents -> java.math.BigDecimal.valueOf(cents, 2).toPlainString())));
    fields.put("usesCollectiveFunds", Gen.of("true", "false"));
    fields.put("safetyHazard", Gen.of("true", "false", "false", "false"));
    fields.put("legacyIssue", Gen.of("true", "false"));
    return bodies(fields, submissionRequired, List.of("exclusion", "number", "status", "category"));
  }

  Gen<Body> coSignatureBodies() {
    Map<String, Gen<String>> fields = new LinkedHashMap<>();
    fields.put("name", text(1, 50));
    fields.put("phone", phones().map(PublicApiPropertiesIT::quote));
    fields.put("courtyard", Gen.of(COURTYARD, pick(courtyards)).map(PublicApiPropertiesIT::quote));
    fields.put("notify", Gen.of("true", "false"));
    return bodies(fields, Set.of("name", "phone"), List.of("submitterPhone", "coSigners"));
  }

  Gen<Body> evaluationBodies() {
    Map<String, Gen<String>> fields = new LinkedHashMap<>();
    fields.put("rating", raw("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"));
    fields.put("comment", text(0, 2000));
    fields.put(
        "submitterPhone",
        Gen.frequency(Gen.weighted(3, Gen.just(PHONE)), Gen.weighted(1, phones()))
            .map(PublicApiPropertiesIT::quote));
    return bodies(fields, Set.of("rating", "submitterPhone"), List.of("phone", "name"));
  }

  Gen<Body> objectionBodies() {
    Map<String, Gen<String>> fields = new LinkedHashMap<>();
    fields.put("name", text(1, 50));
    fields.put("phone", phones().map(PublicApiPropertiesIT::quote));
    fields.put("text", text(1, 2000));
    return bodies(fields, Set.of("name", "phone", "text"), List.of("noticeId", "id"));
  }

  /**
   * Bodies around a valid object of these fields: mostly the object with none, one or a few fields
   * changed (dropped, or given a random JSON value: wrong type, odd number, odd string, array,
   * object) and unknown fields added; sometimes any JSON value, malformed JSON or invalid UTF-8, or
   * a body over 64 KB; streamed now and then.
   */
  private static Gen<Body> bodies(
      Map<String, Gen<String>> fields, Set<String> required, List<String> foreign) {
    List<Gen<Field>> entries = new ArrayList<>();
    fields.forEach(
        (name, value) -> {
          Gen<String> v = required.contains(name) ? value : value.orNull(0.4);
          entries.add(v.map(x -> new Field(name, x)));
        });
    Gen<List<Field>> valid = Gen.all(entries);
    List<String> names = new ArrayList<>(fields.keySet());
    names.addAll(foreign);
    Gen<String> anyName =
        Gen.frequency(
            Gen.weighted(6, Gen.of(names)),
            Gen.weighted(1, oddStrings()),
            Gen.weighted(1, Gen.of("", "Title", "title ", "TITLE", "__proto__")));
    Gen<Field> mutation = Gen.combine(anyName, jsonValue(2).orNull(0.3), Field::new);
    Gen<List<Field>> mutations =
        Gen.frequency(
            Gen.weighted(5, Gen.just(List.<Field>of())),
            Gen.weighted(4, mutation.list(1, 1)),
            Gen.weighted(2, mutation.list(2, 6)));
    Gen<String> objects =
        Gen.combine(
            valid,
            mutations,
            (entriesOf, changes) -> {
              Map<String, String> object = new LinkedHashMap<>();
              entriesOf.forEach(
                  e -> {
                    if (e.value() != null) {
                      object.put(e.name(), e.value());
                    }
                  });
              for (Field change : changes) {
                if (change.value() == null) {
                  object.remove(change.name());
                } else {
                  object.put(change.name(), change.value());
                }
              }
              return object.entrySet().stream()
                  .map(e -> quote(e.getKey()) + ":" + e.getValue())
                  .collect(Collectors.joining(",", "{", "}"));
            });
    Gen<byte[]> text =
        Gen.frequency(
                Gen.weighted(12, objects),
                Gen.weighted(1, jsonValue(3)),
                Gen.weighted(2, objects.flatMap(PublicApiPropertiesIT::malformed)),
                Gen.weighted(1, objects.map(o -> o + " ".repeat(JsonBody.MAX_BYTES))),
                Gen.weighted(
                    1,
                    Gen.strings(Gen.chars('一', '龥'), 22_000, 30_000)
                        .map(s -> "{\"" + names.get(0) + "\":" + quote(s) + "}")))
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Gen<byte[]> bytes =
        Gen.frequency(
            Gen.weighted(20, text),
            Gen.weighted(1, Gen.bytes(0, 200)),
            Gen.weighted(1, objects.map(o -> withInvalidUtf8(o))),
            Gen.weighted(1, objects.map(o -> o.getBytes(StandardCharsets.UTF_16))),
            Gen.weighted(1, objects.map(o -> ("\uFEFF" + o).getBytes(StandardCharsets.UTF_8))));
    return Gen.combine(bytes, Gen.of(false, false, false, true), Body::new);
  }

  /** The JSON text spoilt: cut short, a trailing token, single quotes, a trailing comma, … */
  private static Gen<String> malformed(String json) {
    return Gen.oneOf(
        Gen.ints(0, Math.max(0, json.length() - 1)).map(n -> json.substring(0, n)),
        Gen.of(
            json + "x",
            json + json,
            json + ",",
            json.replace('"', '\''),
            json.replaceFirst("}$", ",}"),
            json.replaceFirst(":", ""),
            "{" + json,
            "[" + json + "]",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "{\"affectedHouseholds\":" + "9".repeat(5000) + "}",
            "{\"estimatedCost\":1." + "1".repeat(5000) + "}",
            "{\"title\":NaN}",
            "{\"title\":Infinity}",
            "{\"title\":01}",
            "{\"title\":+1}",
            "{\"title\":.5}",
            "{\"title\":\"\\x\"}",
            "{\"title\":\"\\u12\"}",
            "{title:1}",
            "/* */" + json,
            "",
            " ",
            "null",
            "{}"));
  }

  private static byte[] withInvalidUtf8(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int at = Math.max(1, json.indexOf(":\"") + 2);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    byte[] out = new byte[text.length + bad.length];
    int split = Math.min(at, text.length);
    System.arraycopy(text, 0, out, 0, split);
    System.arraycopy(bad, 0, out, split, bad.length);
    System.arraycopy(text, split, out, split + bad.length, text.length - split);
    return out;
  }

  /** Any JSON value as text, nested to this depth: odd numbers, odd strings, arrays, objects. */
  private static Gen<String> jsonValue(int depth) {
    Gen<String> scalar =
        Gen.frequency(
            Gen.weighted(1, Gen.of("null", "true", "false")),
            Gen.weighted(3, oddNumbers()),
            Gen.weighted(3, oddStrings().map(PublicApiPropertiesIT::quote)));
    if (depth == 0) {
      return scalar;
    }
    Gen<String> array =
        jsonValue(depth - 1).list(0, 4).map(l -> String.join(",", l)).map(s -> "[" + s + "]");
    Gen<String> object =
        Gen.combine(
                oddStrings().map(PublicApiPropertiesIT::quote),
                jsonValue(depth - 1),
                (k, v) -> k + ":" + v)
            .list(0, 3)
            .map(l -> "{" + String.join(",", l) + "}");
    return Gen.frequency(Gen.weighted(6, scalar), Gen.weighted(1, array), Gen.weighted(1, object));
  }

  private static Gen<String> oddNumbers() {
    return Gen.oneOf(
        Gen.of(
            "0",
            "-0",
            "1",
            "-1",
            "1.5",
            "0.5",
            "-1.5",
            "2.0",
            "1e309",
            "-1e309",
            "1e-400",
            "1E2",
            "1e20",
            "0.001",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "123456789012345678901234567890",
            "2147483648",
            "-2147483649",
            "1000001",
            "0.000000001",
            "4.9e-324",
            "1.7976931348623157e308"),
        Gen.longs().map(String::valueOf),
        Gen.ints(-2000, 2_000_000).map(String::valueOf),
        Gen.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "1e999"));
  }

  /**
   * Odd strings: any chars (lone surrogates too), NUL, RTL, emoji, markup, numbers as text, long.
   */
  private static Gen<String> oddStrings() {
    return Gen.frequency(
        Gen.weighted(3, Gen.strings(Gen.anyChar(), 0, 30)),
        Gen.weighted(
            3,
            Gen.of(
                "",
                " ",
                "\u0000",
                "a\u0000b",
                "\u202Eabc\u202C",
                "مرحبا",
                "😀",
                "👨‍👩‍👧",
                "\uD800",
                "\uDFFF",
                "x\uD83D",
                "\uFEFF",
                "\u2028\u2029",
                "\r\n",
                "\t",
                "e\u0301",
                "<script>alert(1)</script>",
                "'; DROP TABLE proposal_view; --",
                "%00",
                "../../etc/passwd",
                "null",
                "true",
                "50",
                "1.5",
                "JN-2026-000001",
                "ＡＢＣ１２３",
                "\u200B",
                "\u00AD",
                "ﷺ",
                "𝕏",
                "SATISFIED",
                "jn-cdz-hz",
                "13712345678")),
        Gen.weighted(
            1,
            Gen.ints(0, 0x10FFFF)
                .list(0, 20)
                .map(
                    cps -> {
                      StringBuilder s = new StringBuilder();
                      cps.forEach(s::appendCodePoint);
                      return s.toString();
                    })),
        Gen.weighted(1, Gen.strings(Gen.chars('一', '龥'), 100, 6000)));
  }

  /** Mostly a valid text of min..max characters (Chinese, Latin, digits), sometimes odd. */
  private static Gen<String> text(int min, int max) {
    Gen<String> valid =
        Gen.strings(
                Gen.oneOf(Gen.chars('一', '龥'), Gen.chars('a', 'z'), Gen.chars("0123456789，。 ")),
                Math.max(1, min),
                Math.min(max, 60))
            .filter(s -> !s.isBlank());
    return Gen.frequency(Gen.weighted(8, valid), Gen.weighted(1, oddStrings()))
        .map(PublicApiPropertiesIT::quote);
  }

  private static Gen<String> phones() {
    return Gen.combine(
        Gen.ints(3, 9),
        Gen.ints(0, 999_999_999),
        (second, rest) -> "1" + second + String.format("%09d", rest));
  }

  private static Gen<String> raw(String... values) {
    return Gen.of(values).map(PublicApiPropertiesIT::quote);
  }

  private static Gen<String> raw(java.util.Collection<String> values) {
    return Gen.of(List.copyOf(values)).map(PublicApiPropertiesIT::quote);
  }

  private static String pick(List<String> values) {
    return values.get(values.size() / 2);
  }

  /**
   * A JSON string literal: quotes, backslashes and control characters escaped, a lone surrogate as
   * \\uXXXX (UTF-8 cannot carry it), everything else raw.
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pairHigh =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (pairHigh) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  // ------------------------------------------------------------------ generators: requests

  Gen<String> contentTypes() {
    return Gen.frequency(
        Gen.weighted(20, Gen.just("application/json")),
        Gen.weighted(
            2,
            Gen.of(
                "application/json; charset=UTF-8",
                "application/json;charset=utf-8",
                "application/problem+json",
                "application/vnd.yishi+json")),
        Gen.weighted(
            3,
            Gen.of(
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "application/json; charset=bogus",
                "application/json; charset=\"",
                "text/plain",
                "text/json",
                "",
                " ",
                "application/*",
                "*/*",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                ";;;",
                "json")),
        Gen.weighted(1, Gen.<String>just(null)));
  }

  Gen<String> idempotencyKeys() {
    return Gen.frequency(
        Gen.weighted(12, Gen.<String>just(null)),
        Gen.weighted(2, Gen.strings(Gen.chars('!', '~'), 1, 255)),
        Gen.weighted(2, Gen.of("k-1", "k-2", "k-3", "k-4")),
        Gen.weighted(1, Gen.of("", " ", "x".repeat(256), "schl\u00fcssel", "a b", "\t")));
  }

  Gen<String> authorizations() {
    return Gen.frequency(
        Gen.weighted(8, Gen.<String>just(null)),
        Gen.weighted(
            1,
            Gen.of(
                basic(AUDITOR, DEMO_PASSWORD),
                basic(AUDITOR, "wrong"),
                "Basic !!!",
                "Bearer abc",
                "")));
  }

  Gen<String> proposalNumbers() {
    return Gen.frequency(
        Gen.weighted(8, Gen.of(sortingNumbers)),
        Gen.weighted(1, Gen.of(awaitingNumbers)),
        Gen.weighted(3, pathSegments()));
  }

  Gen<String> evaluationNumbers() {
    return Gen.frequency(
        Gen.weighted(8, Gen.of(awaitingNumbers)),
        Gen.weighted(1, Gen.of(sortingNumbers)),
        Gen.weighted(3, pathSegments()));
  }

  Gen<String> noticeIds() {
    return Gen.frequency(Gen.weighted(8, Gen.of(openNotices)), Gen.weighted(3, pathSegments()));
  }

  /** Path segments: numbers and ids of the wrong kind, huge and negative numbers, odd Unicode. */
  static Gen<String> pathSegments() {
    return Gen.frequency(
        Gen.weighted(3, Gen.ints(0, 999_999).map(n -> "JN-2026-" + String.format("%06d", n))),
        Gen.weighted(2, Gen.longs().map(String::valueOf)),
        Gen.weighted(1, Gen.of("1e309", "-1", "0", "1.5", "99999999999999999999999")),
        Gen.weighted(3, oddStrings().map(PublicApiPropertiesIT::encode)),
        Gen.weighted(
            2,
            Gen.of(
                "%2F",
                "..",
                ".",
                "%2e%2e",
                "%00",
                "%25",
                ";jsessionid=x",
                "a;b",
                "%5C",
                "%20",
                "~",
                "JN-2026-000001%0A",
                "%C3%28",
                "%FF",
                "%E2%80%AE",
                "%F0%9F%98%80",
                "a%2Fb",
                java.util.UUID.randomUUID().toString())));
  }

  /** Every GET of the public and the audit API, with random segments, queries and headers. */
  Gen<Call> readCalls() {
    Gen<Call> proposal =
        proposalNumbers().map(n -> Call.get("GET /api/proposals/{number}", "/api/proposals/" + n));
    Gen<Call> notices =
        queries(Gen.of("page", "size", "proposalNumber", "open"), oddValues())
            .map(q -> Call.get("GET /api/notices", "/api/notices" + q));
    Gen<Call> organisation =
        queries(Gen.of("code", "level", "depth"), oddValues())
            .map(q -> Call.get("GET /api/organisation", "/api/organisation" + q));
    Gen<Call> statistics =
        queries(
                Gen.frequency(
                    Gen.weighted(6, Gen.of("from", "to", "street", "community")),
                    Gen.weighted(1, oddStrings().map(PublicApiPropertiesIT::encode))),
                Gen.frequency(
                    Gen.weighted(3, dates()),
                    Gen.weighted(2, Gen.of(streets)),
                    Gen.weighted(2, Gen.of(communities)),
                    Gen.weighted(2, oddValues())))
            .map(q -> Call.get("GET /api/statistics", "/api/statistics" + q));
    Gen<Call> trail =
        Gen.combine(
            proposalNumbers(),
            Gen.of("", "?format=csv", "?format=json", "?format=%00", "?format=xml"),
            Gen.of("text/csv", "application/json", "*/*", "text/csv;q=0.1, application/json")
                .orNull(0.3),
            (n, format, accept) ->
                Call.get("GET /api/audit/proposals/{number}", "/api/audit/proposals/" + n + format)
                    .with("Accept", accept));
    Gen<Call> search =
        queries(
                Gen.of(
                    "number",
                    "q",
                    "community",
                    "street",
                    "from",
                    "to",
                    "status",
                    "track",
                    "page",
                    "size",
                    "sort"),
                Gen.frequency(
                    Gen.weighted(2, dates()),
                    Gen.weighted(1, Gen.of(streets)),
                    Gen.weighted(1, Gen.of(communities)),
                    Gen.weighted(1, Gen.of("SORTING", "CLOSED", "MINOR", "HARD", "sorting")),
                    Gen.weighted(3, oddValues())))
            .map(q -> Call.get("GET /api/audit/proposals", "/api/audit/proposals" + q));
    Gen<Call> diagram =
        Gen.frequency(Gen.weighted(2, Gen.of(definitionIds)), Gen.weighted(3, pathSegments()))
            .map(
                id ->
                    Call.get(
                        "GET /api/audit/diagrams/{definitionId}", "/api/audit/diagrams/" + id));
    Gen<Call> audit =
        Gen.combine(
            Gen.oneOf(trail, search, diagram),
            Gen.frequency(
                Gen.weighted(6, Gen.just(basic(AUDITOR, DEMO_PASSWORD))),
                Gen.weighted(
                    2,
                    Gen.of(
                        basic(OTHER_SUPERVISOR, DEMO_PASSWORD),
                        basic(AUDITOR, "wrong"),
                        basic("nobody", "x"),
                        basic("", ""),
                        "Basic !!!",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                        "Bearer abc")),
                Gen.weighted(1, Gen.<String>just(null))),
            (call, authorization) -> call.with("Authorization", authorization));
    return Gen.frequency(
        Gen.weighted(3, proposal),
        Gen.weighted(1, notices),
        Gen.weighted(1, organisation),
        Gen.weighted(3, statistics),
        Gen.weighted(5, audit));
  }

  /** A query string of 0–4 parameters (a name may repeat), percent-encoded. */
  private static Gen<String> queries(Gen<String> names, Gen<String> values) {
    return Gen.combine(names, values, (n, v) -> n + "=" + v)
        .list(0, 4)
        .map(l -> l.isEmpty() ? "" : "?" + String.join("&", l));
  }

  private static Gen<String> oddValues() {
    return Gen.frequency(
        Gen.weighted(3, oddStrings().map(PublicApiPropertiesIT::encode)),
        Gen.weighted(1, oddNumbers().map(PublicApiPropertiesIT::encode)),
        Gen.weighted(1, Gen.of("", "a=b", "&", "%26", "+", "%2B")));
  }

  private static Gen<String> dates() {
    return Gen.oneOf(
        Gen.of(
            "2026-01-01",
            "2026-12-31",
            "2026-02-30",
            "2026-13-01",
            "0000-01-01",
            "9999-12-31",
            "-2026-01-01",
            "%2B12026-01-01",
            "2026-1-1",
            "20260101",
            "2026-01-01T00:00:00Z"),
        Gen.combine(
            Gen.ints(1900, 2100),
            Gen.ints(1, 12),
            Gen.ints(1, 28),
            (y, m, d) -> String.format("%04d-%02d-%02d", y, m, d)));
  }

  /** POSTs for the idempotency property: each endpoint's body, mostly valid. */
  Gen<Call> idempotentPosts() {
    return posts(proposalNumbers(), evaluationNumbers(), noticeIds());
  }

  /**
   * POSTs to each endpoint with these path segments (the write limit's property uses only real
   * numbers and ids: a path Tomcat refuses never reaches the limit).
   */
  private Gen<Call> posts(
      Gen<String> proposalNumbers, Gen<String> evaluationNumbers, Gen<String> noticeIds) {
    return Gen.oneOf(
        submissionBodies()
            .map(
                b ->
                    Call.post("POST /api/proposals", "/api/proposals", b, "application/json")
                        .expecting(201, Kind.PROPOSAL)),
        Gen.combine(
            proposalNumbers,
            coSignatureBodies(),
            (n, b) ->
                post("POST /api/proposals/{number}/cosignatures", n, b, "application/json")
                    .expecting(201, Kind.CO_SIGNATURE)),
        Gen.combine(
            evaluationNumbers,
            evaluationBodies(),
            (n, b) ->
                post("POST /api/proposals/{number}/evaluation", n, b, "application/json")
                    .expecting(200, Kind.EVALUATION)),
        Gen.combine(
            noticeIds,
            objectionBodies(),
            (id, b) ->
                post("POST /api/notices/{id}/objections", id, b, "application/json")
                    .expecting(201, Kind.OBJECTION)));
  }

  Gen<List<Boolean>> repeats() {
    return Gen.of(true, true, false).list(1, 2);
  }

  Gen<List<Call>> limitedPosts() {
    return posts(Gen.of(sortingNumbers), Gen.of(awaitingNumbers), Gen.of(openNotices))
        // a body announced over 64 KB is refused (413) before the limit is asked
        .filter(call -> call.body().length <= JsonBody.MAX_BYTES || call.chunked())
        .list(WRITES_PER_ADDRESS + 2, WRITES_PER_ADDRESS + 8);
  }

  /** A POST to an endpoint (its path pattern) with this path segment in place of the variable. */
  static Call post(String endpoint, String segment, Body body, String contentType) {
    String path =
        endpoint
            .substring("POST ".length())
            .replaceAll("\\{[a-z]+}", java.util.regex.Matcher.quoteReplacement(segment));
    return Call.post(endpoint, path, body, contentType);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Percent-encoded for a path segment or query value (never a raw space or plus). */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
