package cn.yishi.security;

import cn.yishi.security.ComputedVariablesGuard.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ComputedVariablesGuard} first among the engine's command interceptors of the executor
 * every service call goes through (transaction required), so that every API reaches it: the Java
 * services, {@code /engine-rest} and the webapps' {@code /camunda/api/engine}. Ordered before
 * {@code cn.yishi.config.StepInputErrors}' plugin, whose interceptor then comes first and hands the
 * guard's refusals to the request like any other.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class ComputedVariablesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuard(configuration, configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  private static List<CommandInterceptor> withGuard(
      ProcessEngineConfigurationImpl configuration, List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, guard(configuration));
    return all;
  }

  static ComputedVariablesGuard guard(ProcessEngineConfigurationImpl configuration) {
    return new ComputedVariablesGuard(
        () -> configuration.getIdentityService().getCurrentAuthentication(),
        (scope, id, local, names) -> current(configuration, scope, id, local, names),
        ComputedVariables.names());
  }

  /**
   * The values as the signed-in user may read them (a user who cannot read them gets nothing to
   * compare: every computed value they send is refused, and nothing about the values is revealed).
   */
  private static Map<String, Object> current(
      ProcessEngineConfigurationImpl configuration,
      Scope scope,
      String id,
      boolean local,
      Collection<String> names) {
    try {
      if (scope == Scope.TASK) {
        var tasks = configuration.getTaskService();
        return local
            ? tasks.getVariablesLocalTyped(id, names, false)
            : tasks.getVariablesTyped(id, names, false);
      }
      var runtime = configuration.getRuntimeService();
      return local
          ? runtime.getVariablesLocalTyped(id, names, false)
          : runtime.getVariablesTyped(id, names, false);
    } catch (ProcessEngineException unknownOrNotReadable) {
      return Map.of();
    }
  }
}
