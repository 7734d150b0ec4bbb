package cn.yishi.testsupport;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** A process engine of its own on a fresh in-memory H2 database, for tests that build one. */
public final class InMemoryEngines {

  private InMemoryEngines() {}

  /**
   * A configuration (not yet built) with a unique engine and database name starting with {@code
   * prefix}, the schema created and dropped with the engine, no job executor, and these plugins.
   */
  public static StandaloneInMemProcessEngineConfiguration configuration(
      String prefix, List<ProcessEnginePlugin> plugins) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    String name = prefix + "-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(plugins);
    return configuration;
  }
}
