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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on an ephemeral loopback port whose answers the test sets: a status code, a
 * dropped connection, no answer at all (until it is closed), or answers held back until the test
 * releases them. Records every request it got.
 *
 * <p>Like a real receiver it is idempotent: the first request with a given {@code
 * X-Yishi-Notification-Id} that it accepts (answers 2xx) is kept; a later one with the same id is a
 * repeat, answered 2xx again (so the sender marks it delivered), dropped and counted.
 */
public final class WebhookReceiver implements AutoCloseable {

  static final String PATH = "/yishi/notifications";

  /**
   * One request: its headers (names in lower case, first values), its query string ({@code null}
   * when none: a test may give each sender its own), its body, the answer given.
   */
  public record Received(
      String method, Map<String, String> headers, String query, byte[] body, int answer) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The notification's id ({@code X-Yishi-Notification-Id}). */
    public String notificationId() {
      return header(WebhookNotificationChannel.ID_HEADER);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean accepted() {
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
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final Map<String, Received> firstAccepted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> repeats = new ConcurrentHashMap<>();

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

  public static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  public String url() {
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

  /**
   * Holds every following request (recorded, and accepted or not as the answer says) without
   * answering, until {@link #release()}: its sender waits, still holding whatever it holds.
   */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  /** Answers the requests held since {@link #hold()}, and the following ones at once. */
  public void release() {
    gate.countDown();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The notification ids accepted (answered 2xx), each once: the first such request of each. */
  public Map<String, Received> accepted() {
    return Map.copyOf(firstAccepted);
  }

  /** How many repeats of an accepted notification were dropped, per notification id. */
  public Map<String, Integer> repeats() {
    Map<String, Integer> counts = new TreeMap<>();
    repeats.forEach((id, count) -> counts.put(id, count.get()));
    return counts;
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
      Received request =
          new Received(
              exchange.getRequestMethod(),
              headers,
              exchange.getRequestURI().getQuery(),
              body,
              status);
      received.add(request);
      String id = request.notificationId();
      if (id != null && request.accepted() && firstAccepted.putIfAbsent(id, request) != null) {
        repeats.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
      }
      CountDownLatch held = gate;
      if (held.getCount() > 0) {
        held.await();
      }
      if (status == SILENT) {
        closing.await();
      } else if (status != DROPPED) {
        exchange.sendResponseHeaders(status, -1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException senderGone) {
      // a held request whose sender died meanwhile (a node killed by a test): nobody to answer
    }
  }

  @Override
  public void close() {
    gate.countDown();
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
