package cn.yishi.reliability;

import static cn.yishi.notification.NotificationDeliveryProcess.NOTIFICATION_ID;
import static cn.yishi.proposal.ProposalLifecycleProcess.EVENT_REJECTED_AT_SORTING;
import static cn.yishi.proposal.ProposalLifecycleProcess.EXCLUSION;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTING_NOTE;
import static cn.yishi.proposal.ProposalLifecycleProcess.TASK_SORT_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.api.IdempotencyFilter;
import cn.yishi.notification.NotificationDeliveryProcess;
import cn.yishi.notification.WebhookReceiver;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.util.FileSystemUtils;

/**
 * Two Yishi nodes (two JVMs from the packaged jar) on one PostgreSQL, as README "Scaling out"
 * describes them: the same database, signing key pair and webhook secret, each with its own job
 * executor, a short job lock (5 s) and quick acquisition, notifications through the channel {@code
 * webhook} to an idempotent receiver run by this test.
 *
 * <p>The tests run in order on the same cluster: proposals driven concurrently through both nodes
 * finish once each, with unique numbers and every notification accepted once; a node killed while
 * it holds locked delivery jobs loses none of them (the other node does them once the locks
 * expire); a PostgreSQL restart under the surviving node gives {@code 503} during the outage, no
 * half-made proposal, and the node takes submissions again afterwards without a restart.
 *
 * <p>The path driven is the shortest one that ends the lifecycle: submission, then the community's
 * caseworker sorts it as not eligible (不予协商), each step queueing notifications whose delivery is an
 * asynchronous job. Runs only in the Failsafe execution {@code postgres}: it brings its own
 * PostgreSQL; two nodes on H2 mean nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(
    named = TestDatabase.PROPERTY,
    matches = "postgres",
    disabledReason = "brings its own PostgreSQL: runs in the Failsafe execution postgres only")
class ClusterReliabilityIT {

  private static final String SECRET = "cluster-it-webhook-secret-0123456789abcdef";
  private static final String CASEWORKER = "jldbl-caseworker";
  private static final String DEMO_PASSWORD = "demo";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = YishiNode.buildDirectory().resolve("cluster-it");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ClusterDatabase database;
  private static WebhookReceiver receiver;
  private static YishiNode nodeA;
  private static YishiNode nodeB;

  /** Every proposal a node answered 201 for: number → title. */
  private static final Map<String, String> SUBMITTED = new ConcurrentHashMap<>();

  @RegisterExtension
  static final TestWatcher LOG_TAILS =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          for (YishiNode node : nodes()) {
            System.err.printf(
                "%n===== %s failed; the last lines of node %s's log (%s) =====%n%s%n",
                context.getDisplayName(), node.name(), node.log(), node.tail(120));
          }
        }
      };

  @BeforeAll
  static void startCluster() throws Exception {
    YishiNode.jar(); // fails clearly when the jar is missing
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK);
    receiver = WebhookReceiver.start();
    database = ClusterDatabase.create(WORK.resolve("pgdata"), YishiNode.freePort());
    // one after the other: the first node creates the schema and the signing key pair, the second
    // finds them (README "Scaling out": start one node with a new jar first)
    nodeA = startNode("a");
    nodeB = startNode("b");
  }

  private static YishiNode startNode(String name) throws IOException, InterruptedException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", ClusterDatabase.USER);
    env.put("SPRING_DATASOURCE_PASSWORD", ClusterDatabase.PASSWORD);
    env.put("YISHI_SIGNATURE_KEY_DIRECTORY", WORK.resolve("keys").toAbsolutePath().toString());
    env.put("YISHI_NOTIFICATION_CHANNEL", "webhook");
    // the same receiver for both; the query only tells the test which node sent a request
    env.put("YISHI_NOTIFICATION_WEBHOOK_URL", receiver.url() + "?node=" + name);
    env.put("YISHI_NOTIFICATION_WEBHOOK_SECRET", SECRET);
    List<String> args =
        List.of(
            "--camunda.bpm.job-execution.lock-time-in-millis=5000",
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000",
            // held answers (below) must not time out: a timeout is a failure, retried after 1 min
            "--yishi.notification.webhook.timeout=60s",
            // an outage answers 503 after this wait for a connection (Hikari's default: 30 s)
            "--spring.datasource.hikari.connection-timeout=5000",
            "--spring.main.banner-mode=off");
    return YishiNode.start(name, WORK, env, args);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (YishiNode node : nodes()) {
      node.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static List<YishiNode> nodes() {
    return Stream.of(nodeA, nodeB).filter(n -> n != null).toList();
  }

  @Test
  @Order(1)
  void proposalsDrivenConcurrentlyThroughBothNodesFinishOnceEach() throws Exception {
    ExecutorService residents = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> driven = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        YishiNode submitTo = i % 2 == 0 ? nodeA : nodeB;
        YishiNode sortOn = i % 2 == 0 ? nodeB : nodeA;
        String title = "两个节点的提案 " + i;
        driven.add(
            residents.submit(
                () -> {
                  String number = submit(submitTo, title);
                  sortAsNotEligible(sortOn, number);
                  return number;
                }));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<String> proposal : driven) {
        numbers.add(proposal.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
      }
      assertThat(new HashSet<>(numbers)).as("numbers are unique").hasSize(numbers.size());
      awaitEveryLifecycleEndedAndEveryNotificationDelivered(numbers);
      assertEachProposalFinishedOnceAndEachNotificationAcceptedOnce();
      // both nodes did delivery work (the jobs were spread, not all on one node)
      assertThat(
              receiver.received().stream()
                  .map(WebhookReceiver.Received::query)
                  .collect(Collectors.toSet()))
          .contains("node=a", "node=b");
    } finally {
      residents.shutdownNow();
    }
  }

  @Test
  @Order(2)
  void aNodeKilledWhileItHoldsLockedJobsLosesNone() throws Exception {
    int before = receiver.received().size();
    receiver.hold();
    List<String> numbers = new ArrayList<>();
    Map<String, String> ownerOf;
    Set<String> doomedJobs;
    Set<String> doomedAndSent;
    int killedAt;
    try {
      for (int i = 0; i < 6; i++) {
        numbers.add(submit(i % 2 == 0 ? nodeA : nodeB, "节点中断时的提案 " + i));
      }
      // both nodes are now stuck in deliveries the receiver holds: their jobs stay locked by them
      Map<String, Set<String>> heldBy =
          poll(
              "both nodes holding a delivery the receiver holds back",
              () -> {
                Map<String, Set<String>> held = heldSince(before);
                return held.containsKey("node=a") && held.containsKey("node=b")
                    ? Optional.of(held)
                    : Optional.empty();
              });
      Set<String> onlyB = new HashSet<>(heldBy.get("node=b"));
      onlyB.removeAll(heldBy.get("node=a"));
      ownerOf = lockOwners();
      String ownerB =
          onlyB.stream().map(ownerOf::get).filter(o -> o != null).findFirst().orElse(null);
      assertThat(ownerB)
          .as("ACT_RU_JOB.LOCK_OWNER_ of a delivery node b is doing: %s of %s", ownerOf, onlyB)
          .isNotNull();
      Set<String> ownersA =
          heldBy.get("node=a").stream()
              .map(ownerOf::get)
              .filter(o -> o != null)
              .collect(Collectors.toSet());
      assertThat(ownersA).as("node a's lock owner").isNotEmpty().doesNotContain(ownerB);
      doomedJobs =
          ownerOf.entrySet().stream()
              .filter(e -> ownerB.equals(e.getValue()))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());

      doomedAndSent = new HashSet<>(onlyB);
      doomedAndSent.retainAll(doomedJobs);
      assertThat(doomedAndSent).as("deliveries node b sent and still holds locked").isNotEmpty();

      nodeB.kill(); // SIGKILL: no shutdown, its locks stay in the database until they expire
      killedAt = receiver.received().size();
    } finally {
      receiver.release();
    }
    assertThat(nodeB.isAlive()).isFalse();

    for (String number : numbers) {
      sortAsNotEligible(nodeA, number);
    }
    awaitEveryLifecycleEndedAndEveryNotificationDelivered(numbers);
    // node a did each of node b's locked deliveries once their locks expired; where node b's own
    // request had reached the receiver, node a's came as a repeat, which the receiver dropped
    List<WebhookReceiver.Received> all = receiver.received();
    List<WebhookReceiver.Received> afterKill = all.subList(killedAt, all.size());
    for (String id : doomedJobs) {
      assertThat(afterKill)
          .as("node a delivered %s, locked by node b when it died", id)
          .anyMatch(
              r -> id.equals(r.notificationId()) && "node=a".equals(r.query()) && r.accepted());
    }
    assertThat(receiver.repeats().keySet()).containsAll(doomedAndSent);
    assertEachProposalFinishedOnceAndEachNotificationAcceptedOnce();
  }

  @Test
  @Order(3)
  void aDatabaseRestartLosesNoProposalAndSubmissionsGet503Meanwhile() throws Exception {
    String earlier = submit(nodeA, "数据库重启前的提案");
    List<Attempt> attempts = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService resident = Executors.newSingleThreadExecutor();
    Future<?> submitting =
        resident.submit(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                attempts.add(attempt(nodeA, "数据库重启期间的提案 " + i));
              }
              return null;
            });
    try {
      poll(
          "a submission before the outage",
          () -> attempts.isEmpty() ? Optional.empty() : Optional.of(1));
      database.stop();
      poll(
          "a 503 answered to the resident during the outage",
          () -> attempts.stream().filter(a -> a.status() == 503).findFirst());
      Attempt during = attempt(nodeA, "数据库停止时的提案");
      assertThat(during.status()).as("a submission during the outage: %s", during).isEqualTo(503);
      assertThat(during.contentType()).startsWith("application/problem+json");
      assertThat(during.retryAfter()).as("Retry-After").isNotNull();
      assertThat(during.body().path("status").asInt()).isEqualTo(503);
      assertThat(during.body().path("detail").asText()).contains("数据库");
      attempts.add(during);

      database.start();
      poll(
          "node a taking submissions again after the restart, without a restart of its own",
          () ->
              attempts.stream()
                  .skip(attempts.indexOf(during) + 1)
                  .filter(a -> a.status() == 201)
                  .findFirst());
      stop.set(true);
      submitting.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      resident.shutdownNow();
      if (!database.isRunning()) {
        database.start();
      }
    }
    assertThat(nodeA.isAlive()).isTrue();
    assertThat(attempts)
        .as("every answer is 201 or 503, never another 5xx")
        .allMatch(a -> a.status() == 201 || a.status() == 503, "201 or 503");
    assertThat(attempts).anyMatch(a -> a.status() == 503).anyMatch(a -> a.status() == 201);
    System.out.printf(
        "database restart: %d submissions answered 201, %d answered 503%n",
        attempts.stream().filter(a -> a.status() == 201).count(),
        attempts.stream().filter(a -> a.status() == 503).count());

    // nothing half-made: a refused submission left no proposal, no process, no kept key
    for (Attempt refused : attempts.stream().filter(a -> a.status() == 503).toList()) {
      assertThat(
              database.count("SELECT COUNT(*) FROM proposal_view WHERE title = ?", refused.title()))
          .as("proposal of the refused %s", refused)
          .isZero();
      assertThat(
              database.count(
                  "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = ? AND TEXT_ = ?",
                  cn.yishi.common.CommonVariables.TITLE.name(),
                  refused.title()))
          .as("process variables of the refused %s", refused)
          .isZero();
      assertThat(
              database.count(
                  "SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ? AND response_status IS NOT NULL",
                  refused.key()))
          .as("a kept answer for the refused %s", refused)
          .isZero();
    }
    List<String> accepted =
        attempts.stream().filter(a -> a.status() == 201).map(Attempt::number).toList();
    assertThat(new HashSet<>(accepted)).hasSize(accepted.size());
    // nothing lost: every proposal ever answered 201 (the earlier tests' too) is there
    for (Map.Entry<String, String> proposal : SUBMITTED.entrySet()) {
      HttpResponse<String> found = get(nodeA, "/api/proposals/" + proposal.getKey());
      assertThat(found.statusCode())
          .as("GET %s after the restart", proposal.getKey())
          .isEqualTo(200);
      assertThat(JSON.readTree(found.body()).path("title").asText()).isEqualTo(proposal.getValue());
    }
    List<String> toEnd = new ArrayList<>(accepted);
    toEnd.add(earlier);
    for (String number : toEnd) {
      sortAsNotEligible(nodeA, number);
    }
    awaitEveryLifecycleEndedAndEveryNotificationDelivered(toEnd);
    assertEachProposalFinishedOnceAndEachNotificationAcceptedOnce();
  }

  // ---------------------------------------------------------------------------------------------

  /** Every proposal answered 201 has exactly one lifecycle instance, finished, ended once. */
  private static void assertEachProposalFinishedOnceAndEachNotificationAcceptedOnce() {
    for (String number : SUBMITTED.keySet()) {
      List<Map<String, Object>> instances =
          database.query(
              "SELECT ID_, END_TIME_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND BUSINESS_KEY_ = ?",
              ProposalLifecycleProcess.KEY,
              number);
      assertThat(instances).as("lifecycle instances of %s", number).hasSize(1);
      assertThat(instances.get(0).get("end_time_")).as("%s ended", number).isNotNull();
      assertThat(
              database.count(
                  "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_ID_ = ?",
                  instances.get(0).get("id_"),
                  EVENT_REJECTED_AT_SORTING))
          .as("%s reached its end event once", number)
          .isEqualTo(1);
    }
    List<Map<String, Object>> notifications =
        database.query("SELECT id, delivered_at FROM notification");
    Set<String> known =
        notifications.stream().map(n -> (String) n.get("id")).collect(Collectors.toSet());
    assertThat(notifications)
        .as("every notification delivered")
        .allMatch(n -> n.get("delivered_at") != null);
    Map<String, WebhookReceiver.Received> accepted = receiver.accepted();
    assertThat(accepted.keySet())
        .as("the receiver accepted each notification the database knows, and no other")
        .containsExactlyInAnyOrderElementsOf(known);
    // accepted() keeps the first of each id; every other request with an accepted id was a repeat
    long requestsWithAcceptedIds =
        receiver.received().stream()
            .filter(r -> r.accepted() && known.contains(r.notificationId()))
            .count();
    assertThat(requestsWithAcceptedIds - known.size())
        .as("repeats dropped")
        .isEqualTo(receiver.repeats().values().stream().mapToInt(Integer::intValue).sum());
    System.out.printf(
        "cluster: %d proposals, %d notifications, %d repeats dropped by the receiver%n",
        SUBMITTED.size(), known.size(), requestsWithAcceptedIds - known.size());
  }

  private static void awaitEveryLifecycleEndedAndEveryNotificationDelivered(
      Collection<String> numbers) throws InterruptedException {
    poll(
        "the lifecycles of "
            + numbers
            + " ended, every notification delivered, no delivery job left",
        () -> {
          long ended =
              database.count(
                  "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL"
                      + " AND BUSINESS_KEY_ IN ("
                      + placeholders(numbers)
                      + ")",
                  Stream.concat(Stream.of(ProposalLifecycleProcess.KEY), numbers.stream())
                      .toArray());
          long undelivered =
              database.count("SELECT COUNT(*) FROM notification WHERE delivered_at IS NULL");
          long jobs =
              database.count(
                  "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?",
                  NotificationDeliveryProcess.KEY);
          return ended == numbers.size() && undelivered == 0 && jobs == 0
              ? Optional.of(true)
              : Optional.empty();
        });
  }

  /** The requests received since index {@code from}, by query (the sending node): their ids. */
  private static Map<String, Set<String>> heldSince(int from) {
    List<WebhookReceiver.Received> all = receiver.received();
    return all.subList(from, all.size()).stream()
        .collect(
            Collectors.groupingBy(
                WebhookReceiver.Received::query,
                Collectors.mapping(WebhookReceiver.Received::notificationId, Collectors.toSet())));
  }

  /** notification id → LOCK_OWNER_ of its delivery job, for the jobs locked now. */
  private static Map<String, String> lockOwners() {
    Map<String, String> owners = new LinkedHashMap<>();
    for (Map<String, Object> row :
        database.query(
            "SELECT v.TEXT_ AS id, j.LOCK_OWNER_ AS owner FROM ACT_RU_JOB j JOIN ACT_RU_VARIABLE v"
                + " ON v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_"
                + " WHERE v.NAME_ = ? AND j.LOCK_OWNER_ IS NOT NULL AND j.LOCK_EXP_TIME_ > CURRENT_TIMESTAMP",
            NOTIFICATION_ID.name())) {
      owners.put((String) row.get("id"), (String) row.get("owner"));
    }
    return owners;
  }

  // --- the public API and /engine-rest, as a resident's client and a caseworker's Tasklist ----

  private record Attempt(
      String title, String key, int status, String contentType, String retryAfter, JsonNode body) {

    String number() {
      return body.path("number").asText();
    }
  }

  private static String submit(YishiNode node, String title)
      throws IOException, InterruptedException {
    Attempt created = attempt(node, title);
    assertThat(created.status())
        .as("POST /api/proposals on node %s: %s", node.name(), created)
        .isEqualTo(201);
    return created.number();
  }

  /** POST /api/proposals (a minor matter of 九里堤北路社区) with an Idempotency-Key of its own. */
  private static Attempt attempt(YishiNode node, String title)
      throws IOException, InterruptedException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("description", "社区广场缺少座椅，老人散步无处歇脚，希望在广场东侧增设几张座椅。");
    fields.put("community", "jn-jld-jldbl");
    fields.put("submitterName", "孙奶奶");
    fields.put("submitterPhone", "13812345678");
    fields.put("topic", "FACILITIES");
    fields.put("scope", "COMMUNITY");
    fields.put("estimatedCost", 3000);
    String key = UUID.randomUUID().toString();
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(node.url() + "/api/proposals"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(IdempotencyFilter.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    } catch (IOException notJson) {
      body = JSON.getNodeFactory().textNode(answer.body());
    }
    Attempt attempt =
        new Attempt(
            title,
            key,
            answer.statusCode(),
            answer.headers().firstValue("Content-Type").orElse(""),
            answer.headers().firstValue("Retry-After").orElse(null),
            body);
    if (attempt.status() == 201) {
      SUBMITTED.put(attempt.number(), title);
    }
    return attempt;
  }

  /** The caseworker of 九里堤北路社区 sorts the proposal as not eligible (不予协商) on this node. */
  private static void sortAsNotEligible(YishiNode node, String number) throws Exception {
    String path =
        "/engine-rest/task?processInstanceBusinessKey="
            + URLEncoder.encode(number, StandardCharsets.UTF_8)
            + "&taskDefinitionKey="
            + TASK_SORT_PROPOSAL;
    String taskId =
        poll(
            "the sorting task of " + number + " on node " + node.name(),
            () -> {
              JsonNode tasks = JSON.readTree(asCaseworker(node, path, null).body());
              return tasks.isArray() && tasks.size() == 1
                  ? Optional.of(tasks.get(0).path("id").asText())
                  : Optional.empty();
            });
    String variables =
        JSON.writeValueAsString(
            Map.of(
                "variables",
                Map.of(
                    EXCLUSION.name(),
                    Map.of("value", "UNLAWFUL", "type", "String"),
                    SORTING_NOTE.name(),
                    Map.of("value", "此事项违反法律法规，不予协商。", "type", "String"))));
    HttpResponse<String> done =
        asCaseworker(node, "/engine-rest/task/" + taskId + "/complete", variables);
    assertThat(done.statusCode())
        .as("completing the sorting of %s on node %s: %s", number, node.name(), done.body())
        .isEqualTo(204);
  }

  private static HttpResponse<String> asCaseworker(YishiNode node, String path, String postBody)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (CASEWORKER + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json");
    request =
        postBody == null
            ? request.GET()
            : request.POST(HttpRequest.BodyPublishers.ofString(postBody));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(YishiNode node, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- helpers ---------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Probe<T> {
    Optional<T> probe() throws Exception;
  }

  /** Polls until the probe finds something, at most {@link #DEADLINE}; a failure names it. */
  private static <T> T poll(String what, Probe<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    long pause = 50;
    Exception last = null;
    while (true) {
      try {
        Optional<T> found = probe.probe();
        if (found.isPresent()) {
          return found.get();
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + DEADLINE + " for " + what, last);
      }
      TimeUnit.MILLISECONDS.sleep(pause);
      pause = Math.min(pause * 2, 500);
    }
  }

  private static String placeholders(Collection<?> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(", "));
  }
}
