package cn.yishi.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements sent through a data source: every {@code execute}, {@code
 * executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate} and {@code executeBatch} call of
 * its statements (a batch counts once, as one round trip), in all and by kind (the verb and the
 * first table: {@code select act_ru_task}). A small {@link Proxy} around the data source, its
 * connections and their statements; as a {@link BeanPostProcessor} it wraps the application's data
 * source bean.
 */
final class StatementCounter implements BeanPostProcessor {

  private static final Pattern TABLE =
      Pattern.compile("\\b(?:from|into|update)\\s+([a-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);

  private final LongAdder statements = new LongAdder();
  private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
  private final Map<String, String> kinds = new ConcurrentHashMap<>();

  long count() {
    return statements.sum();
  }

  /** The statements counted so far by kind. */
  Map<String, Long> byKind() {
    Map<String, Long> kinds = new TreeMap<>();
    byKind.forEach((kind, n) -> kinds.put(kind, n.sum()));
    return kinds;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
        ? wrap(dataSource)
        : bean;
  }

  DataSource wrap(DataSource dataSource) {
    return (DataSource)
        proxy(
            dataSource,
            new Class<?>[] {DataSource.class, Closeable.class},
            null,
            (method, args, result) ->
                result instanceof Connection connection
                    ? proxy(connection, new Class<?>[] {Connection.class}, null, this::statement)
                    : result);
  }

  /** Wraps the statements a connection makes; a prepared one knows its SQL already. */
  private Object statement(Method method, Object[] args, Object result) {
    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
    if (result instanceof CallableStatement s) {
      return proxy(s, new Class<?>[] {CallableStatement.class}, sql, (m, a, r) -> r);
    }
    if (result instanceof PreparedStatement s) {
      return proxy(s, new Class<?>[] {PreparedStatement.class}, sql, (m, a, r) -> r);
    }
    if (result instanceof Statement s) {
      return proxy(s, new Class<?>[] {Statement.class}, null, (m, a, r) -> r);
    }
    return result;
  }

  private interface Wrapper {
    Object apply(Method method, Object[] args, Object result);
  }

  private Object proxy(Object target, Class<?>[] interfaces, String preparedSql, Wrapper wrapper) {
    return Proxy.newProxyInstance(
        getClass().getClassLoader(),
        interfaces,
        (proxy, method, args) -> {
          // as a key (Spring binds a transaction's connection to its data source) a proxy is itself
          if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
          }
          if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          if (target instanceof Statement && method.getName().startsWith("execute")) {
            statements.increment();
            String sql =
                args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            String kind =
                sql == null ? kind(null) : kinds.computeIfAbsent(sql, StatementCounter::kind);
            byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
          }
          try {
            return wrapper.apply(method, args, method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** {@code select act_ru_task}: the statement's verb and its first table. */
  static String kind(String sql) {
    if (sql == null || sql.isBlank()) {
      return "(batch)";
    }
    String text = sql.strip().toLowerCase(Locale.ROOT);
    String verb = text.split("\\s+", 2)[0];
    Matcher table = TABLE.matcher(text);
    return table.find() ? verb + " " + table.group(1).replace("\"", "") : verb;
  }
}
