package cn.yishi.organisation;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.EveryUserTask;
import cn.yishi.common.Variable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the proposal's number, title and community on every new user task as task variables, so that
 * each card in Tasklist says which proposal it is (the shared filters show {@link #SHOWN}).
 * Tasklist reads a card's variables with the user's rights, and a caseworker may read the task (the
 * candidate group's per-task grant) but not its process instance: the copies on the task are what
 * the card can show. The task's name stays the diagram's step name.
 */
@Component
public class TasklistCards extends AbstractProcessEnginePlugin {

  /** One variable a card shows, with its Chinese label. */
  public record Shown(Variable<String> variable, String label) {}

  /** What every card shows, in this order. */
  public static final List<Shown> SHOWN =
      List.of(
          new Shown(CommonVariables.NUMBER, "编号"),
          new Shown(CommonVariables.TITLE, "标题"),
          new Shown(CommonVariables.COMMUNITY, "社区"));

  static final TaskListener COPY = TasklistCards::copy;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, COPY);
  }

  static void copy(DelegateTask task) {
    for (Shown shown : SHOWN) {
      Object value = task.getVariable(shown.variable().name());
      if (value != null) {
        task.setVariableLocal(shown.variable().name(), value);
      }
    }
  }
}
