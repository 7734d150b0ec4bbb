package cn.yishi.seeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks one proposal through every process it reaches, as the staff would: each open task is
 * completed by a member of its candidate group (authenticated, so signatures and corrections name
 * them) with the answers of the case's script; async steps run as jobs; a waiting period (a notice
 * period) passes by running its timer, only when nothing else is left to do.
 */
final class SeedCaseDriver {

  /** A step done: which task, by which group, with what answers. */
  record Step(String taskKey, String taskName, String group, Map<String, Object> answers) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Map<String, Function<Task, Map<String, Object>>> script = new HashMap<>();
  private final Set<String> timersThatMayPass = new LinkedHashSet<>();
  private final List<Step> steps = new ArrayList<>();

  SeedCaseDriver(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  SeedCaseDriver on(String taskKey, Function<Task, Map<String, Object>> answers) {
    script.put(taskKey, answers);
    return this;
  }

  SeedCaseDriver on(String taskKey, Map<String, Object> answers) {
    return on(taskKey, task -> answers);
  }

  /** A timer (by its activity id) that may run when the case waits for nothing else. */
  SeedCaseDriver letPass(String timerActivityId) {
    timersThatMayPass.add(timerActivityId);
    return this;
  }

  /** Runs the case until nothing is left to do, or until {@code stopAt} (a task key) is open. */
  List<Step> run(String number, String stopAt) {
    for (int i = 0; i < 500; i++) {
      if (runMessageJobs() > 0) {
        continue;
      }
      List<Task> open =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(number)
              .orderByTaskCreateTime()
              .asc()
              .list();
      if (!open.isEmpty()) {
        Task task = open.get(0);
        if (task.getTaskDefinitionKey().equals(stopAt)) {
          return steps;
        }
        complete(task);
        continue;
      }
      if (!passOneTimer(number)) {
        return steps;
      }
    }
    throw new AssertionError("the case did not settle within 500 steps: " + steps);
  }

  List<Step> steps() {
    return steps;
  }

  private void complete(Task task) {
    Function<Task, Map<String, Object>> answers = script.get(task.getTaskDefinitionKey());
    if (answers == null) {
      throw new AssertionError(
          "the script has no answer for task "
              + task.getTaskDefinitionKey()
              + " ("
              + task.getName()
              + ")");
    }
    String group = candidateGroup(task);
    Map<String, Object> values = answers.apply(task);
    steps.add(new Step(task.getTaskDefinitionKey(), task.getName(), group, values));
    identity.setAuthentication("staff-of-" + group, List.of(group));
    try {
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String candidateGroup(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    throw new AssertionError("task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  private int runMessageJobs() {
    int ran = 0;
    for (Job job : management.createJobQuery().messages().executable().list()) {
      management.executeJob(job.getId());
      ran++;
    }
    return ran;
  }

  private boolean passOneTimer(String number) {
    Set<String> instances = new LinkedHashSet<>();
    for (ProcessInstance p :
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
      instances.add(p.getId());
    }
    for (String instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
        JobDefinition definition =
            management
                .createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId())
                .singleResult();
        if (definition != null && timersThatMayPass.contains(definition.getActivityId())) {
          management.executeJob(job.getId());
          return true;
        }
      }
    }
    return false;
  }
}
