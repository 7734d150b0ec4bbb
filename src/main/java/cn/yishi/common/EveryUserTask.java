package cn.yishi.common;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a create listener to every user task of every diagram the engine parses, after the diagram's
 * own listeners: for what Yishi does to each new task whatever the diagram (Tasklist's card
 * variables, the follow-up date), so that no diagram has to name it.
 */
public final class EveryUserTask {

  private EveryUserTask() {}

  /** Call from a process engine plugin's {@code preInit}. */
  public static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                  behavior
                      .getTaskDefinition()
                      .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
              }
            });
  }
}
