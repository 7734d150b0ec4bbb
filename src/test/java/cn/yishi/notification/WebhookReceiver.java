package cn.yishi.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on an ephemeral loopback port whose answers the test sets: a status code, a
 * dropped connection, or no answer at all (until it is closed). Records every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

  static final String PATH = "/yishi/notifications";

  /** One request: its headers (names in lower case, first values), its body, the answer given. */
  record Received(String method, Map<String, String> headers, byte[] body, int answer) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean accepted() {
      return answer >= 200 && answer <= 299;
    }

    /**
     * What {@code X-Yishi-Signature} must say for this request and secret, computed as a receiver
     * does (README, "通知 webhook"): {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp +
     * "." + body}.
     */
    String expectedSignature(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((header("X-Yishi-Timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final int DROPPED = -1;
  private static final int SILENT = -2;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int answer = 204;

  private WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(PATH, this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Answers every following request with this status (and an empty body). */
  void answer(int status) {
    answer = status;
  }

  /** Reads the following requests and closes the connection without an answer. */
  void dropConnections() {
    answer = DROPPED;
  }

  /** Reads the following requests and never answers (until closed): the sender times out. */
  void stayingSilent() {
    answer = SILENT;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests about one notification (header {@code X-Yishi-Notification-Id}), in order. */
  List<Received> about(String notificationId) {
    return received.stream()
        .filter(r -> notificationId.equals(r.header("X-Yishi-Notification-Id")))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      int status = answer;
      received.add(new Received(exchange.getRequestMethod(), headers, body, status));
      if (status == SILENT) {
        closing.await();
      } else if (status != DROPPED) {
        exchange.sendResponseHeaders(status, -1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
