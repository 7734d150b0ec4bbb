package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.testsupport.InMemoryEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * H2 looks up an instance's variables through its execution, not through every process variable of
 * every proposal (the engine's most frequent query; see {@link H2VariableIndex}).
 */
class H2VariableIndexTest {

  /** The query the engine sends for every command that reads an instance's variables. */
  private static final String LOOKUP =
      "EXPLAIN SELECT * FROM ACT_RU_VARIABLE WHERE EXECUTION_ID_ = 'e1' AND TASK_ID_ IS NULL";

  @Test
  void theEnginesVariableLookupUsesTheExecutionAndTask() throws SQLException {
    ProcessEngine engine = engine(List.of(new H2VariableIndex()));
    try {
      assertThat(plan(engine))
          .contains(H2VariableIndex.INDEX)
          .doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
      // a restart on the same database finds the index there and changes nothing
      new H2VariableIndex().postProcessEngineBuild(engine);
      assertThat(plan(engine)).contains(H2VariableIndex.INDEX);
    } finally {
      engine.close();
    }
  }

  @Test
  void withoutItH2ScansEveryProcessVariable() throws SQLException {
    ProcessEngine engine = engine(List.of());
    try {
      // the plan this index replaces: every row whose TASK_ID_ is null, i.e. all process variables
      assertThat(plan(engine)).contains("ACT_IDX_VARIABLE_TASK_ID: TASK_ID_ IS NULL");
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(List<ProcessEnginePlugin> plugins) {
    return InMemoryEngines.configuration("h2-index", plugins).buildProcessEngine();
  }

  private static String plan(ProcessEngine engine) throws SQLException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet plan = statement.executeQuery(LOOKUP)) {
      plan.next();
      return plan.getString(1);
    }
  }
}
