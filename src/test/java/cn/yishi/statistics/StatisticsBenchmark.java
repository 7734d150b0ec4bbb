package cn.yishi.statistics;

import static cn.yishi.testsupport.Timings.percentile;
import static cn.yishi.testsupport.Timings.round;
import static cn.yishi.testsupport.Timings.time;

import cn.yishi.statistics.StatisticsRepository.Cell;
import cn.yishi.statistics.StatisticsRepository.Table;
import cn.yishi.statistics.StatisticsService.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code statistics_p95_ms}: the statistics API's query ({@link StatisticsService#report}) with a
 * million proposals in the read model, beside a plain {@code count(*)} of the proposals' table in
 * the same run.
 *
 * <p>The read model is filled in bulk, not by driving the engine: each generated proposal goes
 * through the statuses of a lifecycle with {@link Contribution#next} (the code the steps run), its
 * stored row is batch-inserted into {@code statistics_proposal}, and its figures are added up in
 * memory into the day and month sums by {@code StatisticsService}'s own counting (its community,
 * its street and all communities), then batch-inserted. Submission dates are spread over three
 * years, communities over the 36 of the demo tree.
 */
public final class StatisticsBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 3 * 365;

  private static final String[] CATEGORIES = {
    "CONSTRUCTION",
    "CONSTRUCTION",
    "REMEDIATION",
    "REMEDIATION",
    "REMEDIATION",
    "PUBLIC_SAFETY",
    "COMMUNITY_SERVICE",
    "COMMUNITY_SERVICE",
    "SELF_GOVERNANCE",
    "OTHER"
  };
  private static final String[] TRACKS = {
    "MINOR", "MINOR", "MINOR", "MINOR", "MINOR", "MAJOR", "MAJOR", "URGENT", "URGENT", "HARD"
  };
  private static final String[] LEVELS = {
    "COURTYARD", "COMMUNITY", "COMMUNITY", "COMMUNITY", "STREET", "DISTRICT"
  };
  private static final String[] RATINGS = {
    "SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"
  };

  /** The lifecycle's statuses in order; a proposal stops at one of them. */
  private static final String[] LIFECYCLE = {
    "SORTING",
    "UNDER_REVIEW",
    "IN_DELIBERATION",
    "IN_IMPLEMENTATION",
    "IN_NOTICE",
    "AWAITING_EVALUATION",
    "CLOSED"
  };

  private final DataSource dataSource;
  private final int proposals;
  private final int queries;
  private final long seed;
  private final List<String[]> communities; // {community, street}

  public StatisticsBenchmark(DataSource dataSource, int proposals, int queries, long seed) {
    this.dataSource = dataSource;
    this.proposals = proposals;
    this.queries = queries;
    this.seed = seed;
    this.communities = communities();
  }

  /** Fills the read model, then times the queries; the figures by key. */
  public Map<String, Object> run(Consumer<String> out) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long started = System.nanoTime();
    long sums = fill(jdbc);
    double fillSeconds = (System.nanoTime() - started) / 1e9;
    out.accept(
        String.format(
            "statistics: %,d proposals and %,d sum rows generated in %.0f s",
            proposals, sums, fillSeconds));

    StatisticsService service =
        new StatisticsService(new StatisticsRepository(jdbc), null, null, null);
    Random random = new Random(seed + 1);
    List<Query> asked = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      asked.add(query(random));
    }
    // the whole district over everything: the widest query there is
    asked.set(0, new Query(null, null, null));
    long total = service.report(asked.get(0)).total();
    if (total != proposals) {
      throw new IllegalStateException(
          "the read model counts " + total + " proposals, " + proposals + " were generated");
    }
    for (int warm = 0; warm < Math.min(50, queries); warm++) {
      service.report(asked.get(warm));
      jdbc.queryForObject("SELECT count(*) FROM statistics_proposal", Long.class);
    }
    double[] report = time(asked.size(), i -> service.report(asked.get(i)));
    double[] count =
        time(
            asked.size(),
            i -> jdbc.queryForObject("SELECT count(*) FROM statistics_proposal", Long.class));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("statistics_proposals", proposals);
    figures.put("statistics_sum_rows", sums);
    figures.put("statistics_queries", asked.size());
    figures.put("statistics_p50_ms", round(percentile(report, 50)));
    figures.put("statistics_p95_ms", round(percentile(report, 95)));
    figures.put("statistics_count_star_p50_ms", round(percentile(count, 50)));
    figures.put("statistics_count_star_p95_ms", round(percentile(count, 95)));
    out.accept(
        String.format(
            "  GET /api/statistics' query: p50 %.1f ms, p95 %.1f ms; plain count(*) of the %,d"
                + " proposals: p50 %.1f ms, p95 %.1f ms",
            percentile(report, 50),
            percentile(report, 95),
            proposals,
            percentile(count, 50),
            percentile(count, 95)));
    return figures;
  }

  /** A query as residents and street leaders ask: an area (or none) and a period (or none). */
  private Query query(Random random) {
    String area =
        switch (random.nextInt(3)) {
          case 0 -> null;
          case 1 -> communities.get(random.nextInt(communities.size()))[1];
          default -> communities.get(random.nextInt(communities.size()))[0];
        };
    if (random.nextInt(5) == 0) {
      return new Query(null, null, area);
    }
    LocalDate from = FIRST_DAY.plusDays(random.nextInt(DAYS));
    LocalDate to = from.plusDays(random.nextInt(400));
    return new Query(from, to, area);
  }

  // ---------------------------------------------------------------- filling the read model

  private static final String INSERT_PROPOSAL =
      "INSERT INTO statistics_proposal (area, street, submitted_on, figures, status, category,"
          + " track, handling_level, rating, ended, sorted_at, response_due, reached, deadline,"
          + " past_deadline, result_at, result_on_time, settled_below, watch_deadline, number)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Generates the proposals and their sums; the number of sum rows written. */
  private long fill(JdbcTemplate jdbc) {
    Random random = new Random(seed);
    Map<Cell, Long> amounts = new HashMap<>();
    int batch = 5_000;
    withConnection(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT_PROPOSAL)) {
            for (int i = 0; i < proposals; i++) {
              String[] community = communities.get(random.nextInt(communities.size()));
              String number = String.format("JN-%d-%07d", 2024 + i % 3, i);
              Contribution c = lifecycle(number, community[0], random);
              SortedSet<String> figures = c.figures();
              StatisticsService.count(amounts, c, community[1], figures, 1); // as a step counts
              bind(insert, number, c, community[1], String.join(" ", figures));
              insert.addBatch();
              if ((i + 1) % batch == 0) {
                insert.executeBatch();
                connection.commit();
              }
            }
            insert.executeBatch();
            connection.commit();
          }
        });
    withConnection(
        connection -> {
          for (Table table : Table.values()) {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO "
                        + table.table
                        + " (area, period, figure, amount) VALUES (?, ?, ?, ?)")) {
              int n = 0;
              for (Map.Entry<Cell, Long> e : amounts.entrySet()) {
                Cell cell = e.getKey();
                if (cell.table() != table) {
                  continue;
                }
                insert.setString(1, cell.area());
                insert.setObject(2, cell.period(), Types.DATE);
                insert.setString(3, cell.figure());
                insert.setLong(4, e.getValue());
                insert.addBatch();
                if (++n % batch == 0) {
                  insert.executeBatch();
                  connection.commit();
                }
              }
              insert.executeBatch();
              connection.commit();
            }
          }
        });
    jdbc.execute("ANALYZE"); // planner statistics for the fresh tables (PostgreSQL and H2 alike)
    return amounts.size();
  }

  /** One proposal taken through the statuses of a lifecycle, stopping at a random one. */
  private Contribution lifecycle(String number, String community, Random random) {
    OffsetDateTime submitted =
        FIRST_DAY
            .plusDays(random.nextInt(DAYS))
            .atTime(8 + random.nextInt(12), random.nextInt(60))
            .atZone(ZONE)
            .toOffsetDateTime();
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    String track = TRACKS[random.nextInt(TRACKS.length)];
    String level = LEVELS[random.nextInt(LEVELS.length)];
    OffsetDateTime responseDue = submitted.plusDays(3);
    int stop = random.nextInt(10) < 7 ? LIFECYCLE.length - 1 : random.nextInt(LIFECYCLE.length);
    String exit = null;
    if (stop == 1 && random.nextBoolean()) {
      exit = new String[] {"REJECTED", "SELF_HELP", "REDIRECTED"}[random.nextInt(3)];
    }
    Contribution c = null;
    OffsetDateTime at = submitted;
    OffsetDateTime deadline = null;
    boolean late = random.nextInt(8) == 0;
    for (int s = 0; s <= stop; s++) {
      String status = s == stop && exit != null ? exit : LIFECYCLE[s];
      boolean sorted = s > 0;
      if (sorted && deadline == null) {
        deadline = at.plusDays(30);
      }
      boolean resultRecorded = s >= 4;
      String rating =
          status.equals("CLOSED") && random.nextInt(5) > 0
              ? RATINGS[random.nextInt(RATINGS.length)]
              : null;
      boolean ended =
          status.equals("CLOSED")
              || status.equals("REJECTED")
              || status.equals("SELF_HELP")
              || status.equals("REDIRECTED");
      StatisticsInput in =
          new StatisticsInput(
              number,
              at,
              status,
              sorted,
              status.equals("IN_DELIBERATION") || status.equals("IN_IMPLEMENTATION"),
              ended,
              category,
              sorted ? track : null,
              sorted ? level : null,
              community,
              submitted,
              responseDue,
              deadline,
              resultRecorded,
              rating,
              s >= 4 ? random.nextInt(4) == 0 : null);
      c = Contribution.next(c, in, ZONE);
      at = at.plusDays(late ? 9 : 1 + random.nextInt(4)).plusHours(random.nextInt(8));
    }
    return c;
  }

  private static void bind(
      PreparedStatement insert, String number, Contribution c, String street, String figures)
      throws SQLException {
    insert.setString(1, c.area());
    insert.setString(2, street);
    insert.setObject(3, c.submittedOn(), Types.DATE);
    insert.setString(4, figures);
    insert.setString(5, c.status());
    insert.setString(6, c.category());
    insert.setString(7, c.track());
    insert.setString(8, c.level());
    insert.setString(9, c.rating());
    insert.setBoolean(10, c.ended());
    insert.setTimestamp(11, timestamp(c.sortedAt()));
    insert.setTimestamp(12, timestamp(c.responseDue()));
    insert.setBoolean(13, c.reached());
    insert.setTimestamp(14, timestamp(c.deadline()));
    insert.setBoolean(15, c.pastDeadline());
    insert.setTimestamp(16, timestamp(c.resultAt()));
    if (c.resultOnTime() == null) {
      insert.setNull(17, Types.BOOLEAN);
    } else {
      insert.setBoolean(17, c.resultOnTime());
    }
    insert.setBoolean(18, c.settledBelow());
    insert.setTimestamp(19, timestamp(c.watchDeadline()));
    insert.setString(20, number);
  }

  private static Timestamp timestamp(OffsetDateTime at) {
    return at == null ? null : Timestamp.from(at.withOffsetSameInstant(ZoneOffset.UTC).toInstant());
  }

  private interface ConnectionWork {
    void run(Connection connection) throws SQLException;
  }

  private void withConnection(ConnectionWork work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The communities of the demo tree with their streets: {community, street}. */
  public static List<String[]> communities() {
    try (InputStream in =
        StatisticsBenchmark.class
            .getClassLoader()
            .getResourceAsStream("organisation/jinniu.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<String[]> found = new ArrayList<>();
      for (JsonNode street : root.path("children")) {
        for (JsonNode community : street.path("children")) {
          if ("COMMUNITY".equals(community.path("level").asText())) {
            found.add(new String[] {community.path("code").asText(), street.path("code").asText()});
          }
        }
      }
      if (found.isEmpty()) {
        throw new IllegalStateException("no communities in organisation/jinniu.json");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
