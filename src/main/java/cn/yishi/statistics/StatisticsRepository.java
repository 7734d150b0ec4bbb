package cn.yishi.statistics;

import cn.yishi.common.SqlLists;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The tables of the statistics read model (migration V90): each proposal's stored contribution
 * ({@code statistics_proposal}) and the sums by day and by month ({@code statistics_day}, {@code
 * statistics_month}).
 *
 * <p>A step's transaction only inserts its increments ({@code statistics_pending}, V91): steps
 * never wait for each other on a shared sum row, and no duplicate-key error can happen inside them
 * (PostgreSQL would abort the step). Queries count the sums and the pending increments together.
 * {@link #fold} adds the pending increments to the sums in the background, one node at a time (a
 * lock row), with an upsert chosen once from the database ({@code INSERT … ON CONFLICT … DO UPDATE}
 * on PostgreSQL, standard {@code MERGE} on H2, which is not safe against a concurrent insert of the
 * same key: the fold is the sums' only writer).
 */
@Repository
class StatisticsRepository {

  /** The area of the sums over every community. */
  static final String ALL = "*";

  /** The two tables of sums. */
  enum Table {
    DAY("statistics_day"),
    MONTH("statistics_month");

    final String table;

    Table(String table) {
      this.table = table;
    }
  }

  /** One cell of the sums. Ordered as the cells are locked: table, area, period, figure. */
  record Cell(Table table, String area, LocalDate period, String figure)
      implements Comparable<Cell> {
    private static final Comparator<Cell> ORDER =
        Comparator.comparing(Cell::table)
            .thenComparing(Cell::area)
            .thenComparing(Cell::period)
            .thenComparing(Cell::figure);

    @Override
    public int compareTo(Cell other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * A proposal's stored contribution, the street and the figures that were added to the sums for it
   * (the street as the organisation had it then: "" for none).
   */
  record Stored(Contribution contribution, String street, SortedSet<String> figures) {}

  /** One summed row: the period (a day, or a month's first day), the figure, the amount. */
  record Sum(LocalDate period, String figure, long amount) {}

  private static final String COLUMNS =
      "number, area, street, submitted_on, figures, status, category, track, handling_level, rating, ended,"
          + " sorted_at, response_due, reached, deadline, past_deadline, result_at, result_on_time,"
          + " settled_below, watch_deadline";

  private final JdbcTemplate jdbc;
  private volatile String upsert;

  StatisticsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The proposal's stored contribution, its row locked until the transaction ends. */
  Optional<Stored> lock(String number) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM statistics_proposal WHERE number = ? FOR UPDATE",
            (rs, n) -> stored(rs),
            number)
        .stream()
        .findFirst();
  }

  /** The stored contributions of these proposals by number, locked in the order of the numbers. */
  Map<String, Stored> lock(Collection<String> numbers) {
    Map<String, Stored> found = new java.util.TreeMap<>();
    if (numbers.isEmpty()) {
      return found;
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(numbers));
    jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM statistics_proposal WHERE number IN ("
            + SqlLists.placeholders(sorted)
            + ") ORDER BY number FOR UPDATE",
        rs -> {
          found.put(rs.getString("number"), stored(rs));
        },
        sorted.toArray());
    return found;
  }

  /** Numbers of the proposals whose watched deadline is at or before {@code now}, in order. */
  List<String> deadlinesPassed(OffsetDateTime now) {
    return jdbc.queryForList(
        "SELECT number FROM statistics_proposal WHERE watch_deadline <= ? ORDER BY number",
        String.class,
        timestamp(now));
  }

  /** Stores the proposal's contribution (a new row when {@code created}). */
  void save(
      String number, Contribution c, String street, SortedSet<String> figures, boolean created) {
    Object[] values = {
      c.area(),
      street,
      new SqlParameterValue(Types.DATE, c.submittedOn()),
      String.join(" ", figures),
      c.status(),
      text(c.category()),
      text(c.track()),
      text(c.level()),
      text(c.rating()),
      c.ended(),
      timestamp(c.sortedAt()),
      timestamp(c.responseDue()),
      c.reached(),
      timestamp(c.deadline()),
      c.pastDeadline(),
      timestamp(c.resultAt()),
      new SqlParameterValue(Types.BOOLEAN, c.resultOnTime()),
      c.settledBelow(),
      timestamp(c.watchDeadline()),
      number
    };
    if (created) {
      jdbc.update(
          "INSERT INTO statistics_proposal (area, street, submitted_on, figures, status, category, track,"
              + " handling_level, rating, ended, sorted_at, response_due, reached, deadline,"
              + " past_deadline, result_at, result_on_time, settled_below, watch_deadline, number)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          values);
    } else {
      jdbc.update(
          "UPDATE statistics_proposal SET area = ?, street = ?, submitted_on = ?, figures = ?, status = ?,"
              + " category = ?, track = ?, handling_level = ?, rating = ?, ended = ?,"
              + " sorted_at = ?, response_due = ?, reached = ?, deadline = ?, past_deadline = ?,"
              + " result_at = ?, result_on_time = ?, settled_below = ?, watch_deadline = ?"
              + " WHERE number = ?",
          values);
    }
  }

  /** Removes the stored contributions of these proposals (the sums keep them). */
  void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM statistics_proposal WHERE number IN (" + SqlLists.placeholders(numbers) + ")",
        numbers.toArray());
  }

  /**
   * Records each amount for its cell as a pending increment: inserts only, so concurrent steps
   * never wait for each other on a shared sum row; {@link #fold} adds them to the sums later, and
   * {@link #sums} counts them meanwhile.
   */
  void add(Map<Cell, Long> amounts) {
    List<Map.Entry<Cell, Long>> rows =
        amounts.entrySet().stream()
            .filter(e -> e.getValue() != 0)
            .sorted(Map.Entry.comparingByKey())
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "INSERT INTO statistics_pending (id, sums, area, period, figure, amount)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Cell cell = rows.get(i).getKey();
            ps.setString(1, java.util.UUID.randomUUID().toString());
            ps.setString(2, cell.table().name());
            ps.setString(3, cell.area());
            ps.setObject(4, cell.period(), Types.DATE);
            ps.setString(5, cell.figure());
            ps.setLong(6, rows.get(i).getValue());
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  /**
   * Folds up to {@code limit} pending increments into the sums and removes them, in the caller's
   * transaction, after taking the fold lock (one node folds at a time, so the sums have a single
   * writer). Returns how many were folded.
   */
  int fold(int limit) {
    jdbc.queryForList("SELECT id FROM statistics_fold_lock WHERE id = 1 FOR UPDATE", Integer.class);
    List<String> ids = new ArrayList<>();
    Map<Cell, Long> amounts = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT id, sums, area, period, figure, amount FROM statistics_pending ORDER BY id LIMIT ?",
        rs -> {
          ids.add(rs.getString("id"));
          amounts.merge(
              new Cell(
                  Table.valueOf(rs.getString("sums")),
                  rs.getString("area"),
                  rs.getObject("period", LocalDate.class),
                  rs.getString("figure")),
              rs.getLong("amount"),
              Long::sum);
        },
        limit);
    if (ids.isEmpty()) {
      return 0;
    }
    for (Table table : Table.values()) {
      List<Map.Entry<Cell, Long>> rows =
          amounts.entrySet().stream()
              .filter(e -> e.getKey().table() == table && e.getValue() != 0)
              .toList();
      if (rows.isEmpty()) {
        continue;
      }
      jdbc.batchUpdate(
          upsert().replace("{table}", table.table),
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
              Cell cell = rows.get(i).getKey();
              ps.setString(1, cell.area());
              ps.setObject(2, cell.period(), Types.DATE);
              ps.setString(3, cell.figure());
              ps.setLong(4, rows.get(i).getValue());
            }

            @Override
            public int getBatchSize() {
              return rows.size();
            }
          });
    }
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      jdbc.update(
          "DELETE FROM statistics_pending WHERE id IN (" + SqlLists.placeholders(chunk) + ")",
          chunk.toArray());
    }
    return ids.size();
  }

  /**
   * The sums of {@code table} in {@code area} by period and figure, for the periods from {@code
   * from} to {@code to} (inclusive; null: open): one range of the primary key. (One area per query:
   * H2 reads an {@code area IN (…)} list with a period range as the whole of each area.)
   */
  List<Sum> sums(Table table, String area, LocalDate from, LocalDate to) {
    StringBuilder range = new StringBuilder(" AND area = ?");
    List<Object> bounds = new ArrayList<>();
    bounds.add(area);
    if (from != null) {
      range.append(" AND period >= ?");
      bounds.add(new SqlParameterValue(Types.DATE, from));
    }
    if (to != null) {
      range.append(" AND period <= ?");
      bounds.add(new SqlParameterValue(Types.DATE, to));
    }
    String sql =
        "SELECT period, figure, SUM(amount) AS amount FROM (SELECT period, figure, amount FROM "
            + table.table
            + " WHERE 1 = 1"
            + range
            + " UNION ALL SELECT period, figure, amount FROM statistics_pending WHERE sums = ?"
            + range
            + ") counted GROUP BY period, figure";
    List<Object> args = new ArrayList<>(bounds);
    args.add(table.name());
    args.addAll(bounds);
    return jdbc.query(
        sql,
        (rs, n) ->
            new Sum(
                rs.getObject("period", LocalDate.class),
                rs.getString("figure"),
                rs.getLong("amount")),
        args.toArray());
  }

  /** The increment statement of this database, {@code {table}} standing for the table's name. */
  private String upsert() {
    String statement = upsert;
    if (statement == null) {
      String product =
          jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
      statement = upsertFor(product);
      upsert = statement;
    }
    return statement;
  }

  static String upsertFor(String product) {
    if ("PostgreSQL".equalsIgnoreCase(product)) {
      return "INSERT INTO {table} (area, period, figure, amount) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (area, period, figure) DO UPDATE SET amount = {table}.amount +"
          + " EXCLUDED.amount";
    }
    if ("H2".equalsIgnoreCase(product)) {
      return "MERGE INTO {table} t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS DATE),"
          + " CAST(? AS VARCHAR(80)), CAST(? AS BIGINT))) s (area, period, figure, amount)"
          + " ON t.area = s.area AND t.period = s.period AND t.figure = s.figure"
          + " WHEN MATCHED THEN UPDATE SET amount = t.amount + s.amount"
          + " WHEN NOT MATCHED THEN INSERT (area, period, figure, amount)"
          + " VALUES (s.area, s.period, s.figure, s.amount)";
    }
    throw new IllegalStateException("统计不支持该数据库：" + product + "（支持 PostgreSQL、H2）");
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    Contribution c =
        new Contribution(
            rs.getString("area"),
            rs.getObject("submitted_on", LocalDate.class),
            rs.getString("status"),
            rs.getString("category"),
            rs.getString("track"),
            rs.getString("handling_level"),
            rs.getString("rating"),
            rs.getBoolean("ended"),
            rs.getObject("sorted_at", OffsetDateTime.class),
            rs.getObject("response_due", OffsetDateTime.class),
            rs.getBoolean("reached"),
            rs.getObject("deadline", OffsetDateTime.class),
            rs.getBoolean("past_deadline"),
            rs.getObject("result_at", OffsetDateTime.class),
            rs.getObject("result_on_time", Boolean.class),
            rs.getBoolean("settled_below"));
    String figures = rs.getString("figures");
    SortedSet<String> set = new TreeSet<>();
    if (figures != null && !figures.isBlank()) {
      set.addAll(Arrays.asList(figures.trim().split(" ")));
    }
    return new Stored(c, rs.getString("street"), set);
  }

  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  private static SqlParameterValue timestamp(OffsetDateTime at) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at);
  }

  /** Those of these proposals without a stored contribution. */
  List<String> uncounted(List<String> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> counted =
        new java.util.HashSet<>(
            jdbc.queryForList(
                "SELECT number FROM statistics_proposal WHERE number IN ("
                    + SqlLists.placeholders(numbers)
                    + ")",
                String.class,
                numbers.toArray()));
    return numbers.stream().filter(n -> !counted.contains(n)).toList();
  }
}
