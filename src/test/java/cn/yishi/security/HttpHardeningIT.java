package cn.yishi.security;

import static cn.yishi.security.SecurityTestSupport.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7, defects 6–8 over real HTTP: security headers on Yishi's answers (and Camunda's own on
 * the webapps, not doubled), bodies refused before and while they are read (413, no {@code 100
 * Continue}), a body that is not sent in time (408), and comments and attachments only by who may
 * work on the task.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"yishi.http.api.body-deadline=1s"})
class HttpHardeningIT {

  /** The most the slow and the streaming clients send before they give up waiting for an answer. */
  private static final int MAX_SLOW_BYTES = 300;

  /**
   * Far more than the kernel's socket buffers hold on loopback (a few MB): a client that sent this
   * much was read by the server to the end. With 4 MB a loaded CI machine sent it all into the
   * buffers before the answer thread had run.
   */
  private static final int MAX_STREAMED = 64 * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  // ---- headers --------------------------------------------------------------------------------

  @Test
  void yishisAnswersCarryNosniffAndAPolicyAndTheWebappsKeepTheirOwn() throws Exception {
    for (String path :
        new String[] {
          "/api/organisation",
          "/api/notices",
          "/api/proposals/JN-2000-999999",
          "/engine-rest/task",
          "/error"
        }) {
      HttpResponse<String> answer = get(path, null);
      assertThat(answer.headers().allValues("X-Content-Type-Options"))
          .as(path)
          .containsExactly("nosniff");
      assertThat(answer.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
      assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
          .as(path)
          .contains("default-src 'none'")
          .contains("frame-ancestors 'none'");
    }
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1);
    assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("nonce-")
        .doesNotContain("default-src 'none'");
  }

  @Test
  void theResidentsPagesAreServedUnderAPolicyWithoutInlineScriptOrStyle() throws Exception {
    for (String[] page :
        new String[][] {
          {"/", "/site/submit.js"},
          {"/proposals/JN-2000-999999", "/site/proposal.js"},
          {"/notices", "/site/notices.js"},
          {"/statistics", "/site/statistics.js"}
        }) {
      HttpResponse<String> answer = get(page[0], null);
      assertThat(answer.statusCode()).as(page[0]).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .as(page[0])
          .startsWith("text/html");
      // each address is its own page, whose script is Yishi's own file
      assertThat(answer.body())
          .as(page[0])
          .contains("lang=\"zh-CN\"")
          .contains("<script type=\"module\" src=\"" + page[1] + "\"");
      assertThat(answer.headers().allValues("X-Content-Type-Options"))
          .as(page[0])
          .containsExactly("nosniff");
      assertThat(answer.headers().allValues("Content-Security-Policy"))
          .as(page[0])
          .containsExactly(
              "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
                  + " style-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                  + " form-action 'self'");
    }
    // the chart library is inside the jar, under the same policy
    HttpResponse<String> charts = get("/site/vendor/chart.js/dist/chart.umd.min.js", null);
    assertThat(charts.statusCode()).isEqualTo(200);
    assertThat(charts.body()).contains("Chart.js v4");
    assertThat(charts.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
  }

  // ---- bodies ---------------------------------------------------------------------------------

  @Test
  void aFiftyMegabyteBodyIsRefusedBeforeItIsReadAndNeverAskedFor() throws Exception {
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/proposals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 52428800\r\nExpect: 100-continue\r\n\r\n");
      String answer = readAnswer(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
      assertThat(answer)
          .containsIgnoringCase("Content-Type: application/problem+json")
          .contains("64 KB");
    }
  }

  @Test
  void aChunkedStreamOverTheLimitIsStoppedThere() throws Exception {
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/proposals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      CompletableFuture<String> answer = readInBackground(socket.getInputStream());
      byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      int sent = 0;
      OutputStream out = socket.getOutputStream();
      try {
        while (!answer.isDone() && sent < MAX_STREAMED) {
          out.write(chunk);
          out.flush();
          sent += 0x2000;
        }
      } catch (IOException closedByTheServer) {
        // the server stopped reading and closed: expected once it has answered
      }
      assertThat(answer.get(30, TimeUnit.SECONDS))
          .startsWith("HTTP/1.1 413 ")
          .containsIgnoringCase("application/problem+json");
      assertThat(sent).as("bytes sent before the answer").isLessThan(MAX_STREAMED);
    }
  }

  @Test
  void aBodySentAByteAtATimeGets408AtTheDeadline() throws Exception {
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/proposals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1000\r\n\r\n");
      CompletableFuture<String> answer = readInBackground(socket.getInputStream());
      int sent = 0;
      OutputStream out = socket.getOutputStream();
      try {
        // a client that trickles its body: one byte, then a pause, until it is answered
        while (!answer.isDone() && sent < MAX_SLOW_BYTES) {
          out.write('{');
          out.flush();
          sent++;
          Thread.sleep(50);
        }
      } catch (IOException closedByTheServer) {
        // expected once the server has answered
      }
      assertThat(answer.get(30, TimeUnit.SECONDS))
          .startsWith("HTTP/1.1 408 ")
          .containsIgnoringCase("application/problem+json");
      assertThat(sent).as("bytes trickled before the answer").isLessThan(MAX_SLOW_BYTES);
    }
  }

  // ---- comments and attachments ---------------------------------------------------------------

  @Test
  void onlyWhoMayWorkOnATaskCommentsOrAttachesToIt() throws Exception {
    Task task = sortingTaskOfANewProposal();
    String taskPath = "/engine-rest/task/" + task.getId();
    // auditors see the task and are refused (403); supervisors do not even see it (Camunda's REST
    // resource answers 400 "no task") — refused either way, and nothing is written (below)
    for (String reader : new String[] {"auditor", "jldbl-supervisor"}) {
      int refused = "auditor".equals(reader) ? 403 : 400;
      assertThat(post(taskPath + "/comment/create", reader, "{\"message\":\"已阅\"}").statusCode())
          .as(reader + " comments")
          .isEqualTo(refused);
      assertThat(attach(taskPath + "/attachment/create", reader).statusCode())
          .as(reader + " attaches")
          .isEqualTo(refused);
    }
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();
    assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();

    // the task's own caseworker may comment and attach (through the Java API as that user:
    // Camunda's
    // REST resource first looks the task up in the history, which caseworkers are not granted)
    String commentId;
    String attachmentId;
    SecurityTestSupport.authenticate(identityService, "jldbl-caseworker");
    try {
      commentId = taskService.createComment(task.getId(), null, "已电话联系提案人").getId();
      attachmentId =
          taskService
              .createAttachment(
                  "link", task.getId(), null, "现场照片", "三单元楼道", "https://example.invalid/photo")
              .getId();
    } finally {
      identityService.clearAuthentication();
    }

    for (String reader : new String[] {"auditor", "jldbl-supervisor"}) {
      // refused to auditors (403); to supervisors, who cannot see the task, its comment does not
      // exist (404), its attachment is refused (403)
      assertThat(send("DELETE", taskPath + "/comment/" + commentId, reader, null).statusCode())
          .as(reader)
          .isEqualTo("auditor".equals(reader) ? 403 : 404);
      assertThat(
              send("DELETE", taskPath + "/attachment/" + attachmentId, reader, null).statusCode())
          .as(reader)
          .isEqualTo(403);
    }
    assertThat(taskService.getTaskComments(task.getId()))
        .extracting(c -> c.getFullMessage())
        .containsExactly("已电话联系提案人");
    assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
  }

  private Task sortingTaskOfANewProposal() throws Exception {
    Map<String, Object> proposal = new LinkedHashMap<>();
    proposal.put("title", "楼道灯坏了<img src=x onerror=alert(1)>");
    proposal.put("description", "三单元楼道灯坏了一个月。");
    proposal.put("community", "jn-jld-jldbl");
    proposal.put("submitterName", "王先生");
    proposal.put("submitterPhone", "13912345678");
    proposal.put("topic", "FACILITIES");
    proposal.put("scope", "BUILDING");
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/api/proposals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(proposal)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(body.get("number").asText())
            .singleResult()
            .getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  // ---- HTTP helpers ---------------------------------------------------------------------------

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return send("GET", path, user, null);
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return send("POST", path, user, body);
  }

  private HttpResponse<String> send(String method, String path, String user, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST …/attachment/create} as multipart with a URL, as the attack did. */
  private HttpResponse<String> attach(String path, String user) throws Exception {
    String boundary = "yishi-test-boundary";
    StringBuilder body = new StringBuilder();
    for (String[] part :
        new String[][] {
          {"attachment-name", "请重新登录"}, {"attachment-description", "账号异常"},
          {"attachment-type", "link"}, {"url", "https://example.invalid/login"}
        }) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(part[0])
          .append("\"\r\n\r\n")
          .append(part[1])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static CompletableFuture<String> readInBackground(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return readAnswer(in);
          } catch (IOException e) {
            return "no answer: " + e;
          }
        });
  }

  /** The status line, the headers and what body arrived, until the server closes (or 8 KB). */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    int n;
    try {
      while (answer.size() < 8192 && (n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
        if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
          break;
        }
      }
    } catch (IOException e) {
      if (answer.size() == 0) {
        throw e;
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }
}
