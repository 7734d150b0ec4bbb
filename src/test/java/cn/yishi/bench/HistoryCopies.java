package cn.yishi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies finished proposals in bulk (PostgreSQL): every history row of a template proposal's
 * process instances (the lifecycle and the processes it called, found by their root instance), its
 * history byte arrays, and its rows in Yishi's own tables, {@code n} times, each copy with ids of
 * its own and the number {@code <template>-<copy>}. A copy's trail is the template's trail, read
 * from a history that holds as many proposals as were copied.
 *
 * <p>Which columns get a copy's own value follows from their names: an id column (ending {@code
 * id_} in the engine's tables, {@code id} or {@code _id} in Yishi's) gets {@code md5(id-copy)}, the
 * same wherever the id is referred to, unless it names something shared by every copy (a
 * definition, deployment, user, group, tenant or a diagram element); a number column and the
 * business key get the copy's number.
 */
final class HistoryCopies {

  /**
   * The engine's history tables that hold a process instance's rows ({@code root_proc_inst_id_}).
   */
  static final List<String> ENGINE_TABLES =
      List.of(
          "act_hi_procinst",
          "act_hi_actinst",
          "act_hi_taskinst",
          "act_hi_varinst",
          "act_hi_detail",
          "act_hi_identitylink",
          "act_hi_comment",
          "act_hi_attachment",
          "act_hi_op_log",
          "act_hi_incident",
          "act_hi_job_log",
          "act_hi_ext_task_log",
          "act_hi_decinst",
          "act_hi_dec_in",
          "act_hi_dec_out",
          "act_ge_bytearray");

  /** Yishi's tables that name a proposal by its number, with the column that does. */
  static final List<String[]> YISHI_TABLES =
      List.of(
          new String[] {"proposal_view", "number"},
          new String[] {"proposal_timeline", "proposal_number"},
          new String[] {"statistics_proposal", "number"},
          new String[] {"signature_record", "proposal_number"},
          new String[] {"notification", "proposal_number"},
          new String[] {"public_notice", "proposal_number"},
          new String[] {"supervision_record", "proposal_number"},
          new String[] {"deadline_supervision", "proposal_number"},
          new String[] {"department_summons", "proposal_number"},
          new String[] {"department_rating", "proposal_number"},
          new String[] {"proposal_correction", "proposal_number"},
          new String[] {"proposal_cosignature", "proposal_number"});

  /** Engine id columns every copy shares: they name definitions, people or diagram elements. */
  private static final List<String> SHARED_ENDINGS =
      List.of("def_id_", "req_id_", "user_id_", "group_id_", "tenant_id_", "deployment_id_");

  private static final List<String> SHARED_ENGINE_COLUMNS =
      List.of("act_id_", "clause_id_", "rule_id_", "activity_id_", "failed_activity_id_");

  private final JdbcTemplate jdbc;

  HistoryCopies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Runs {@code fill} with the copied tables' secondary indexes dropped, then creates them again as
   * they were: PostgreSQL builds an index over the filled table many times faster than it keeps it
   * up row by row. The indexes that back a primary key or unique constraint stay.
   */
  void withoutIndexes(Runnable fill) {
    List<String> tables = new ArrayList<>(ENGINE_TABLES);
    YISHI_TABLES.forEach(t -> tables.add(t[0]));
    tables.add("notice_objection");
    List<Map<String, Object>> indexes =
        jdbc.queryForList(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = current_schema() AND i.tablename IN ("
                + placeholders(tables.size())
                + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                + " WHERE c.conindid = (quote_ident(i.schemaname) || '.' ||"
                + " quote_ident(i.indexname))::regclass)",
            tables.toArray());
    for (Map<String, Object> index : indexes) {
      jdbc.execute("DROP INDEX " + index.get("indexname"));
    }
    try {
      fill.run();
    } finally {
      for (Map<String, Object> index : indexes) {
        jdbc.execute((String) index.get("indexdef"));
      }
    }
  }

  /**
   * Copies the rows of every template for copy numbers {@code from} to {@code to} (inclusive); the
   * templates' lifecycle instances must have finished.
   */
  void copy(List<String> templates, int from, int to) {
    String numbers = placeholders(templates.size());
    List<String> roots =
        jdbc.queryForList(
            "SELECT DISTINCT root_proc_inst_id_ FROM act_hi_procinst WHERE business_key_ IN ("
                + numbers
                + ")",
            String.class,
            templates.toArray());
    if (roots.size() < templates.size()) {
      throw new IllegalStateException(
          "no history for some of the proposals " + templates + ": " + roots.size() + " found");
    }
    for (String table : ENGINE_TABLES) {
      copyRows(
          table,
          "root_proc_inst_id_ IN (" + placeholders(roots.size()) + ")",
          roots.toArray(),
          null,
          from,
          to,
          true);
    }
    for (String[] table : YISHI_TABLES) {
      copyRows(
          table[0],
          table[1] + " IN (" + numbers + ")",
          templates.toArray(),
          table[1],
          from,
          to,
          false);
    }
    // objections belong to a notice: copied with their copied notices
    copyRows(
        "notice_objection",
        "notice_id IN (SELECT id FROM public_notice WHERE proposal_number IN (" + numbers + "))",
        templates.toArray(),
        null,
        from,
        to,
        false);
  }

  private void copyRows(
      String table,
      String where,
      Object[] arguments,
      String numberColumn,
      int from,
      int to,
      boolean engine) {
    List<String> columns =
        jdbc.queryForList(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + " AND table_schema = current_schema() ORDER BY ordinal_position",
            String.class,
            table);
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      String c = column.toLowerCase(Locale.ROOT);
      if (c.equals(numberColumn) || (engine && c.equals("business_key_"))) {
        values.add("CASE WHEN " + c + " IS NULL THEN NULL ELSE " + c + " || '-' || g END");
      } else if (engine ? ownEngineId(c) : ownYishiId(c)) {
        // 32 characters whatever the template's id was: ids fill their columns (64, some 36)
        values.add("CASE WHEN " + c + " IS NULL THEN NULL ELSE md5(" + c + " || '-' || g) END");
      } else {
        values.add(c);
      }
    }
    Object[] all = new Object[arguments.length + 2];
    all[0] = from;
    all[1] = to;
    System.arraycopy(arguments, 0, all, 2, arguments.length);
    jdbc.update(
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") SELECT "
            + String.join(", ", values)
            + " FROM "
            + table
            + ", generate_series(?, ?) AS g WHERE "
            + where,
        all);
  }

  private static boolean ownEngineId(String column) {
    return column.endsWith("id_")
        && !SHARED_ENGINE_COLUMNS.contains(column)
        && SHARED_ENDINGS.stream().noneMatch(column::endsWith);
  }

  private static boolean ownYishiId(String column) {
    return column.equals("id") || column.endsWith("_id") && !column.endsWith("user_id");
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
