package cn.yishi.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * On H2, gives the engine's most frequent query an index it can use.
 *
 * <p>Every command that touches a process instance loads its variables with {@code ... FROM
 * ACT_RU_VARIABLE WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}. Camunda's H2 schema indexes both
 * columns separately, and H2's planner takes the index on {@code TASK_ID_} for {@code IS NULL}: it
 * then reads every process variable of every proposal (about 20 per proposal), so each command grew
 * slower with every proposal and half of the intake's CPU went into that scan. An index on both
 * columns makes the lookup read only the instance's own rows. PostgreSQL plans this query on its
 * execution index and gets nothing here. Created after the engine has created its schema,
 * idempotently (existing databases get it at the next start).
 */
@Component
public class H2VariableIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "YISHI_IDX_VAR_EXE_TASK";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_VARIABLE";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + table + " (EXECUTION_ID_, TASK_ID_)");
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create index " + INDEX + " on " + table, e);
    }
  }
}
