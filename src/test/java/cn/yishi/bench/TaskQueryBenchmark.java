package cn.yishi.bench;

import static cn.yishi.testsupport.Timings.percentile;
import static cn.yishi.testsupport.Timings.round;
import static cn.yishi.testsupport.Timings.time;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code task_query_p95_ms}: a caseworker's "my unit's open tasks" (Tasklist's query: open tasks of
 * the unit's candidate group, the caseworker's own included, by due date, a first page and the
 * count) with 100,000 open tasks spread over the demo tree's 36 communities, beside the bare task
 * query (the same page and count of all open tasks, no group) in the same run. PostgreSQL only.
 *
 * <p>The tasks are generated in bulk: the engine starts one instance per community of a one-task
 * process whose task goes to {@code <community>.caseworker}, then SQL copies each instance's
 * runtime rows (execution, task, candidate link, variable) with new ids, spreading creation and due
 * times. Only the runtime tables matter to the query. No authorization checks (Tasklist runs the
 * query with them for a signed-in user; the benchmark measures the query the engine plans).
 */
final class TaskQueryBenchmark {

  static final String KEY = "benchOpenTask";
  private static final String GROUP = "unitGroup";

  private final DataSource dataSource;
  private final int tasks;
  private final int queries;
  private final List<String> communities;

  TaskQueryBenchmark(DataSource dataSource, int tasks, int queries, List<String> communities) {
    this.dataSource = dataSource;
    this.tasks = tasks;
    this.queries = queries;
    this.communities = communities;
  }

  Map<String, Object> run(Consumer<String> out) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("bench-task-query");
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      long started = System.nanoTime();
      fill(engine);
      long open = engine.getTaskService().createTaskQuery().active().count();
      out.accept(
          String.format(
              "task query: %,d open tasks over %d communities generated in %.0f s",
              open, communities.size(), (System.nanoTime() - started) / 1e9));
      TaskService taskService = engine.getTaskService();
      Random random = new Random(11);
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        groups.add(communities.get(random.nextInt(communities.size())) + ".caseworker");
      }
      IntSupplier[] mine = new IntSupplier[queries];
      for (int i = 0; i < queries; i++) {
        String group = groups.get(i);
        mine[i] =
            () -> {
              var query =
                  taskService
                      .createTaskQuery()
                      .taskCandidateGroupIn(List.of(group))
                      .includeAssignedTasks()
                      .active()
                      .orderByDueDate()
                      .asc();
              return query.listPage(0, 15).size() + (int) query.count();
            };
      }
      IntSupplier bare =
          () -> {
            var query = taskService.createTaskQuery().active().orderByDueDate().asc();
            return query.listPage(0, 15).size() + (int) query.count();
          };
      for (int i = 0; i < Math.min(30, queries); i++) {
        mine[i].getAsInt();
        bare.getAsInt();
      }
      double[] unit = time(queries, i -> mine[i].getAsInt());
      double[] all = time(queries, i -> bare.getAsInt());
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("task_query_open_tasks", open);
      figures.put("task_query_p50_ms", round(percentile(unit, 50)));
      figures.put("task_query_p95_ms", round(percentile(unit, 95)));
      figures.put("task_query_bare_p50_ms", round(percentile(all, 50)));
      figures.put("task_query_bare_p95_ms", round(percentile(all, 95)));
      out.accept(
          String.format(
              "  my unit's open tasks (page of 15 + count): p50 %.1f ms, p95 %.1f ms;"
                  + " all open tasks, no group: p50 %.1f ms, p95 %.1f ms",
              percentile(unit, 50),
              percentile(unit, 95),
              percentile(all, 50),
              percentile(all, 95)));
      return figures;
    } finally {
      engine.close();
    }
  }

  private void fill(ProcessEngine engine) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(3650)
            .startEvent()
            .userTask("Task_Open")
            .camundaCandidateGroups("${" + GROUP + "}")
            .camundaDueDate("${dueDate}")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(KEY + ".bpmn", model)
        .deploy();
    List<String> templates = new ArrayList<>();
    for (String community : communities) {
      templates.add(
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  KEY,
                  Variables.createVariables()
                      .putValue(GROUP, community + ".caseworker")
                      .putValue("dueDate", new java.util.Date()))
              .getId());
    }
    int n = templates.size();
    int copies =
        Math.max(0, (tasks + n - 1) / n - 1); // each template and its copies: about `tasks`
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (String instance : templates) {
      copy(jdbc, "act_ru_execution", "proc_inst_id_ = ?", instance, copies);
      copy(jdbc, "act_ru_task", "proc_inst_id_ = ?", instance, copies);
      copy(
          jdbc,
          "act_ru_identitylink",
          "task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?)",
          instance,
          copies);
      copy(jdbc, "act_ru_variable", "proc_inst_id_ = ?", instance, copies);
    }
    // a generated task's creation and due times spread over a year, as a unit's backlog is
    jdbc.update(
        "UPDATE act_ru_task SET create_time_ = create_time_ - (random() * 365) * interval '1 day',"
            + " due_date_ = create_time_ + (random() * 60) * interval '1 day'");
    jdbc.execute("ANALYZE");
    // the copies are tasks the engine sees as each unit's, as many for every unit
    for (String community : communities) {
      long ofUnit =
          engine
              .getTaskService()
              .createTaskQuery()
              .taskCandidateGroup(community + ".caseworker")
              .active()
              .count();
      if (ofUnit != copies + 1) {
        throw new IllegalStateException(
            community
                + ".caseworker has "
                + ofUnit
                + " open tasks, "
                + (copies + 1)
                + " were made");
      }
    }
  }

  /** The columns holding ids of the copied instance's rows: each copy gets its own. */
  private static final List<String> IDS =
      List.of(
          "id_",
          "proc_inst_id_",
          "root_proc_inst_id_",
          "execution_id_",
          "task_id_",
          "parent_id_",
          "var_scope_",
          "act_inst_id_");

  /** Copies the rows of {@code table} that {@code where} selects {@code copies} times. */
  private static void copy(
      JdbcTemplate jdbc, String table, String where, String instance, int copies) {
    List<String> columns =
        jdbc.queryForList(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + " ORDER BY ordinal_position",
            String.class,
            table);
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(
          IDS.contains(column)
              ? "CASE WHEN " + column + " IS NULL THEN NULL ELSE " + column + " || '-' || g END"
              : column);
    }
    jdbc.update(
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") SELECT "
            + String.join(", ", values)
            + " FROM "
            + table
            + ", generate_series(1, ?) AS g WHERE "
            + where,
        copies,
        instance);
  }
}
