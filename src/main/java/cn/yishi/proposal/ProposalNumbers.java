package cn.yishi.proposal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable, unique proposal numbers such as {@code JN-2026-000123}: a prefix ({@code
 * yishi.numbering.prefix}, default JN), the year in the business time zone and a counter per year:
 * the database sequence {@code proposal_number_<year>}.
 *
 * <p>A sequence hands out each value once and holds no lock until the caller's transaction ends, so
 * concurrent starts do not wait for each other (the counter row this replaced serialised every
 * submission). A start that rolls back has used its number: numbers may have gaps, never
 * duplicates.
 *
 * <p>The year's sequence is created on first use, outside the caller's transaction (H2 commits a
 * transaction on DDL): on a connection of its own, not taken from the pool, so a pool held by
 * starts that all wait for the new year cannot starve it. {@code CREATE SEQUENCE IF NOT EXISTS}
 * lets two nodes create it at once. It starts after the last number the old counter table {@code
 * proposal_number_counter} gave that year, so existing databases continue their count.
 */
@Service
public class ProposalNumbers {

  private final JdbcTemplate jdbc;
  private final JdbcTemplate ddl;
  private final TransactionTemplate ownTransaction;
  private final String prefix;
  private final Set<Integer> readyYears = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

  public ProposalNumbers(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, NumberingProperties numbering) {
    this.jdbc = jdbc;
    DataSource unpooled = unpooled(jdbc.getDataSource());
    this.ddl = unpooled == null ? jdbc : new JdbcTemplate(unpooled);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.prefix = numbering.prefix();
  }

  /** The next number of the year {@code at} falls in (in its own offset: pass business time). */
  public String next(OffsetDateTime at) {
    int year = at.getYear();
    return format(prefix, year, nextInYear(year));
  }

  /** {@code PREFIX-YYYY-NNNNNN}. */
  static String format(String prefix, int year, long counter) {
    return String.format("%s-%04d-%06d", prefix, year, counter);
  }

  /** {@code proposal_number_2026}: only digits come from outside, so it is safe in SQL text. */
  static String sequenceName(int year) {
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("提案编号年份超出范围：" + year);
    }
    return String.format(Locale.ROOT, "proposal_number_%04d", year);
  }

  long nextInYear(int year) {
    ensureSequence(year);
    String sequence = sequenceName(year);
    String next =
        isPostgres() ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    return jdbc.queryForObject(next, Long.class);
  }

  private void ensureSequence(int year) {
    if (readyYears.contains(year)) {
      return;
    }
    if (!exists(jdbc, year)) {
      create(year);
    }
    readyYears.add(year);
  }

  /** One creation at a time in this JVM: at most one extra connection, however many starts wait. */
  private synchronized void create(int year) {
    if (readyYears.contains(year) || exists(ddl, year)) {
      return;
    }
    if (ddl == jdbc) {
      ownTransaction.executeWithoutResult(status -> createWith(jdbc, year));
    } else {
      createWith(ddl, year);
    }
  }

  private void createWith(JdbcTemplate on, int year) {
    Long last =
        on.queryForObject(
            "SELECT MAX(last_number) FROM proposal_number_counter WHERE counter_year = ?",
            Long.class,
            year);
    long start = (last == null ? 0 : last) + 1;
    try {
      on.execute("CREATE SEQUENCE IF NOT EXISTS " + sequenceName(year) + " START WITH " + start);
    } catch (DataAccessException raced) {
      // PostgreSQL: another node's CREATE committed between our check and ours (unique violation
      // in its catalogue); the sequence is there, which is all we need
      if (!exists(on, year)) {
        throw raced;
      }
    }
  }

  private static boolean exists(JdbcTemplate on, int year) {
    Integer found =
        on.queryForObject(
            "SELECT COUNT(*) FROM information_schema.sequences"
                + " WHERE sequence_schema = CURRENT_SCHEMA AND LOWER(sequence_name) = ?",
            Integer.class,
            sequenceName(year));
    return found != null && found > 0;
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  connection ->
                      connection
                          .getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .contains("postgres"));
      postgres = known;
    }
    return known;
  }

  /**
   * A data source with the pool's settings that opens connections of its own (closed after each
   * use); {@code null} when the pool is not Hikari configured by URL: then the pool is used, in a
   * transaction of its own.
   */
  private static DataSource unpooled(DataSource pool) {
    try {
      if (pool == null || !pool.isWrapperFor(HikariDataSource.class)) {
        return null;
      }
      HikariDataSource hikari = pool.unwrap(HikariDataSource.class);
      if (hikari.getJdbcUrl() == null) {
        return null;
      }
      DriverManagerDataSource own =
          new DriverManagerDataSource(
              hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
      if (hikari.getDriverClassName() != null) {
        own.setDriverClassName(hikari.getDriverClassName());
      }
      if (!hikari.getDataSourceProperties().isEmpty()) {
        own.setConnectionProperties(hikari.getDataSourceProperties());
      }
      if (hikari.getSchema() != null) {
        own.setSchema(hikari.getSchema());
      }
      return own;
    } catch (SQLException e) {
      return null;
    }
  }
}
