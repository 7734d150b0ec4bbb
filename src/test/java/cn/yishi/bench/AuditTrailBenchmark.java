package cn.yishi.bench;

import static cn.yishi.testsupport.Timings.percentile;
import static cn.yishi.testsupport.Timings.round;
import static cn.yishi.testsupport.Timings.time;

import cn.yishi.audit.AuditTrail;
import cn.yishi.audit.AuditTrailService;
import cn.yishi.proposal.ProposalLifecycleProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code audit_trail_p95_ms}: one proposal's audit trail (what {@code GET
 * /api/audit/proposals/{number}} answers: every process it ran, its steps, values, decisions,
 * comments, signatures, notices, notifications) with 10,000, then 30,000, then 100,000 finished
 * proposals in history, so that the trend can be extrapolated. PostgreSQL only.
 *
 * <p>The history is filled in bulk: proposals driven through the whole lifecycle by the {@code
 * lifecycle} part are the templates, {@link HistoryCopies} copies their rows with numbers of their
 * own. The baseline, in the same run, is the bare engine's part of it: the proposal's historic
 * process instances by business key and the activity instances of each.
 */
public final class AuditTrailBenchmark {

  private final AuditTrailService trails;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final List<String> templates;
  private final List<Integer> sizes;
  private final int queries;

  public AuditTrailBenchmark(
      AuditTrailService trails,
      HistoryService history,
      JdbcTemplate jdbc,
      List<String> templates,
      List<Integer> sizes,
      int queries) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("the audit trail needs finished proposals to copy");
    }
    this.trails = trails;
    this.history = history;
    this.jdbc = jdbc;
    this.templates = List.copyOf(templates);
    this.sizes = List.copyOf(sizes);
    this.queries = queries;
  }

  /**
   * Measures on a running Yishi, with every finished proposal of its history as a template (the
   * lifecycle part's).
   */
  static Map<String, Object> on(
      ConfigurableApplicationContext yishi,
      List<Integer> sizes,
      int queries,
      Consumer<String> out) {
    HistoryService history = yishi.getBean(HistoryService.class);
    List<String> finished =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .finished()
            .list()
            .stream()
            .map(HistoricProcessInstance::getBusinessKey)
            .toList();
    return new AuditTrailBenchmark(
            yishi.getBean(AuditTrailService.class),
            history,
            new JdbcTemplate(yishi.getBean(DataSource.class)),
            finished,
            sizes,
            queries)
        .run(out);
  }

  public Map<String, Object> run(Consumer<String> out) {
    HistoryCopies copies = new HistoryCopies(jdbc);
    Map<String, Integer> trailEvents = new LinkedHashMap<>();
    for (String template : templates) {
      trailEvents.put(template, trail(template).events().size());
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    List<Map<String, Object>> trend = new ArrayList<>();
    int copied = 0; // copies made of each template so far
    Random random = new Random(17);
    for (int size : sizes) {
      int perTemplate = Math.max(0, (size + templates.size() - 1) / templates.size() - 1);
      long started = System.nanoTime();
      if (perTemplate > copied) {
        int first = copied + 1;
        int last = perTemplate;
        copies.withoutIndexes(
            () -> {
              // in slices: one statement per table and slice keeps each statement's work bounded
              int slice = Math.max(1, 50_000 / templates.size());
              for (int from = first; from <= last; from += slice) {
                copies.copy(templates, from, Math.min(last, from + slice - 1));
              }
            });
        copied = perTemplate;
        jdbc.execute("ANALYZE");
      }
      long finished =
          history.createHistoricProcessInstanceQuery().finished().rootProcessInstances().count();
      long proposals =
          jdbc.queryForObject("SELECT count(*) FROM proposal_view", Long.class).longValue();
      long activityRows =
          jdbc.queryForObject("SELECT count(*) FROM act_hi_actinst", Long.class).longValue();
      out.accept(
          String.format(
              "audit trail: %,d proposals (%,d finished root instances, %,d activity instances)"
                  + " in history, filled in %.0f s",
              proposals, finished, activityRows, (System.nanoTime() - started) / 1e9));

      List<String> asked = new ArrayList<>();
      List<String> askedTemplates = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        String template = templates.get(random.nextInt(templates.size()));
        int copy = random.nextInt(copied + 1);
        asked.add(copy == 0 ? template : template + "-" + copy);
        askedTemplates.add(template);
      }
      for (int i = 0; i < Math.min(20, queries); i++) {
        trail(asked.get(i));
        bare(asked.get(i));
      }
      double[] full =
          time(
              queries,
              i -> {
                String number = asked.get(i);
                String template = askedTemplates.get(i);
                int events = trail(number).events().size();
                if (events != trailEvents.get(template)) {
                  throw new IllegalStateException(
                      number
                          + "'s trail has "
                          + events
                          + " events, its template's "
                          + trailEvents.get(template));
                }
              });
      double[] engineOnly = time(queries, i -> bare(asked.get(i)));
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("proposals", proposals);
      point.put("p50_ms", round(percentile(full, 50)));
      point.put("p95_ms", round(percentile(full, 95)));
      point.put("bare_p50_ms", round(percentile(engineOnly, 50)));
      point.put("bare_p95_ms", round(percentile(engineOnly, 95)));
      trend.add(point);
      out.accept(
          String.format(
              "  one proposal's trail: p50 %.1f ms, p95 %.1f ms; the engine's instances and"
                  + " activities alone: p50 %.1f ms, p95 %.1f ms",
              percentile(full, 50),
              percentile(full, 95),
              percentile(engineOnly, 50),
              percentile(engineOnly, 95)));
      figures.put("audit_trail_proposals", proposals);
      figures.put("audit_trail_p50_ms", point.get("p50_ms"));
      figures.put("audit_trail_p95_ms", point.get("p95_ms"));
      figures.put("audit_trail_bare_p50_ms", point.get("bare_p50_ms"));
      figures.put("audit_trail_bare_p95_ms", point.get("bare_p95_ms"));
    }
    figures.put("audit_trail_templates", templates.size());
    figures.put(
        "audit_trail_events_per_trail",
        round(trailEvents.values().stream().mapToInt(Integer::intValue).average().orElse(0)));
    figures.put("audit_trail_trend", trend);
    return figures;
  }

  private AuditTrail trail(String number) {
    return trails
        .trail(number)
        .orElseThrow(() -> new IllegalStateException("no trail for " + number));
  }

  /** The engine's part: the proposal's process instances and each one's activity instances. */
  private int bare(String number) {
    int rows = 0;
    for (HistoricProcessInstance instance :
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
      rows +=
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getId())
              .orderByHistoricActivityInstanceStartTime()
              .asc()
              .list()
              .size();
    }
    return rows;
  }
}
