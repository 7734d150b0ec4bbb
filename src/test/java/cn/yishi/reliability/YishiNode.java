package cn.yishi.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Yishi node: a JVM started from the packaged jar ({@code java -jar target/yishi-*.jar}) on a
 * free port, its output (stdout and stderr) written to a log file under target/. Ready once its
 * public API answers.
 */
final class YishiNode implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(180);

  /** The build directory (Failsafe's execution {@code postgres} says which; target/ otherwise). */
  static Path buildDirectory() {
    return Path.of(System.getProperty("yishi.test.build-directory", "target"));
  }

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private YishiNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** The packaged jar (Failsafe runs after {@code package}); a clear failure when it is missing. */
  static Path jar() {
    File[] jars =
        buildDirectory()
            .toFile()
            .listFiles(
                (dir, file) ->
                    file.startsWith("yishi-")
                        && file.endsWith(".jar")
                        && !file.endsWith("-sources.jar")
                        && !file.endsWith("-javadoc.jar"));
    if (jars == null || jars.length != 1) {
      throw new IllegalStateException(
          "expected one packaged jar "
              + buildDirectory()
              + "/yishi-*.jar (run `mvn package` first: Failsafe runs"
              + " after it), found "
              + (jars == null ? "no such directory" : List.of(jars)));
    }
    return jars[0].toPath();
  }

  /**
   * Starts a node with these environment variables and {@code --name=value} arguments; returns once
   * its API answers, or fails with its log's tail when it does not within the deadline.
   */
  static YishiNode start(String name, Path logDirectory, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = logDirectory.resolve("node-" + name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    // should the test JVM itself be stopped before @AfterAll, the node must not outlive it
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    YishiNode node = new YishiNode(name, port, log, process);
    try {
      node.awaitReady();
    } catch (RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node " + name + " exited with " + process.exitValue() + " while starting:\n" + tail());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/api/notices"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException(
        "node " + name + " did not answer within " + START_DEADLINE + ":\n" + tail());
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the JVM at once (SIGKILL: no shutdown hook, nothing released) and waits for its end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node " + name + " did not die");
    }
  }

  /** The last lines of the node's log. */
  String tail() {
    return tail(80);
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log " + log + ": " + e + ")";
    }
  }

  Path log() {
    return log;
  }

  /** Stops the node (gracefully, then forcibly if it takes long); never throws. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
