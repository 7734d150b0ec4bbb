package cn.yishi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to its database (a JDK proxy around every {@link DataSource}
 * bean, registered as a bean post-processor): statements by kind and table (a batched statement
 * counts once per {@code addBatch}), split by whether the calling thread is one of the web server's
 * (inside a request) or another (the job executor, schedulers); and, on the web server's threads,
 * rows written, round trips (executions and commits) and the time spent inside them. Counting is
 * off until {@link #start}; the benchmark counts a few submissions sent one after the other, so
 * that every statement of a request thread is theirs.
 */
final class SqlCounter implements BeanPostProcessor {

  private static final Pattern SHAPE =
      Pattern.compile(
          "^\\s*(?:(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([A-Za-z_][\\w.]*)|(select|with)\\b.*?\\bfrom\\s+([A-Za-z_][\\w.]*))",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Predicate<Thread> requestThread;
  private volatile boolean counting;
  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
  private final LongAdder rowsWritten = new LongAdder();
  private final LongAdder roundTrips = new LongAdder();
  private final AtomicLong jdbcNanos = new AtomicLong();

  SqlCounter(Predicate<Thread> requestThread) {
    this.requestThread = requestThread;
  }

  void start() {
    statements.clear();
    rowsWritten.reset();
    roundTrips.reset();
    jdbcNanos.set(0);
    counting = true;
  }

  void stop() {
    counting = false;
  }

  /** Statements by "request|other verb table", most frequent first. */
  List<Map.Entry<String, Long>> byShape() {
    return statements.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .toList();
  }

  long statements(String where) {
    return byShape().stream()
        .filter(e -> e.getKey().startsWith(where + " "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  long rowsWritten() {
    return rowsWritten.sum();
  }

  long roundTrips() {
    return roundTrips.sum();
  }

  double jdbcMillis() {
    return jdbcNanos.get() / 1e6;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, null);
    }
    return bean;
  }

  static String shape(String sql) {
    if (sql == null) {
      return "? ?";
    }
    Matcher m = SHAPE.matcher(sql);
    if (!m.find()) {
      String first = sql.strip().split("\\s+", 2)[0];
      return first.toLowerCase(Locale.ROOT) + " ?";
    }
    boolean write = m.group(1) != null;
    return (write ? m.group(1) : m.group(3)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        + " "
        + (write ? m.group(2) : m.group(4)).toUpperCase(Locale.ROOT);
  }

  private void count(String sql) {
    if (counting) {
      String where = requestThread.test(Thread.currentThread()) ? "request" : "other";
      statements.computeIfAbsent(where + " " + shape(sql), k -> new LongAdder()).increment();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target, String sql) {
    InvocationHandler handler =
        (p, method, args) -> {
          String name = method.getName();
          long started = System.nanoTime();
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (!counting) {
            return wrap(result, method, args);
          }
          boolean inRequest = requestThread.test(Thread.currentThread());
          if (target instanceof Statement && name.startsWith("execute")) {
            if (inRequest) {
              jdbcNanos.addAndGet(System.nanoTime() - started);
              roundTrips.increment();
            }
            String executed =
                args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
            if (!name.equals("executeBatch")) {
              count(executed);
            }
            if (inRequest) {
              if (result instanceof Integer n && n > 0) {
                rowsWritten.add(n);
              } else if (result instanceof Long n && n > 0) {
                rowsWritten.add(n);
              } else if (result instanceof int[] batch) {
                for (int n : batch) {
                  rowsWritten.add(Math.max(n, n == Statement.SUCCESS_NO_INFO ? 1 : 0));
                }
              } else if (name.equals("execute")) {
                int n = ((Statement) target).getUpdateCount();
                rowsWritten.add(Math.max(n, 0));
              }
            }
          } else if (target instanceof Statement && name.equals("addBatch")) {
            count(args != null && args.length > 0 ? (String) args[0] : sql);
          } else if (target instanceof Connection && name.equals("commit") && inRequest) {
            jdbcNanos.addAndGet(System.nanoTime() - started);
            roundTrips.increment();
          }
          return wrap(result, method, args);
        };
    return (T)
        Proxy.newProxyInstance(
            SqlCounter.class.getClassLoader(), interfaces(target, type), handler);
  }

  private static Class<?>[] interfaces(Object target, Class<?> type) {
    if (target instanceof PreparedStatement) {
      return new Class<?>[] {
        target instanceof java.sql.CallableStatement
            ? java.sql.CallableStatement.class
            : PreparedStatement.class
      };
    }
    return new Class<?>[] {type};
  }

  private Object wrap(Object result, Method method, Object[] args) {
    if (result instanceof Connection c && !Proxy.isProxyClass(c.getClass())) {
      return proxy(Connection.class, c, null);
    }
    if (result instanceof Statement s && !Proxy.isProxyClass(s.getClass())) {
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
      return proxy(Statement.class, s, sql);
    }
    return result;
  }
}
