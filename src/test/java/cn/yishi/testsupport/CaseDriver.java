package cn.yishi.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks one case (every process instance with its business key: a proposal's lifecycle and the
 * processes it calls or starts) through to its end, as the staff would: each open task is completed
 * by a member of its candidate group (authenticated, so signatures and corrections name them) with
 * the answers of the case's script; the case's async steps run as jobs, as the job executor would;
 * a waiting period (a notice period) passes by running its timer, only when nothing else is left to
 * do. It counts what it did: tasks completed, async jobs and timers run (each a transaction). Other
 * cases may be driven at the same time on other threads: a step that meets a concurrent change
 * (Camunda's optimistic locking) is retried, as the job executor retries a job.
 */
public final class CaseDriver {

  /** A step done: which task, by which group, with what answers. */
  public record Step(String taskKey, String taskName, String group, Map<String, Object> answers) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Map<String, Function<Task, Map<String, Object>>> script = new HashMap<>();
  private Function<Task, Map<String, Object>> otherwise;
  private final Set<String> timersThatMayPass = new LinkedHashSet<>();
  private final List<Step> steps = new ArrayList<>();
  private int asyncJobs;
  private int timerJobs;
  private int retries;

  public CaseDriver(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  public CaseDriver on(String taskKey, Function<Task, Map<String, Object>> answers) {
    script.put(taskKey, answers);
    return this;
  }

  public CaseDriver on(String taskKey, Map<String, Object> answers) {
    return on(taskKey, task -> answers);
  }

  /** The answers for every task the script names no answer for (a bare process's tasks). */
  public CaseDriver otherwise(Map<String, Object> answers) {
    otherwise = task -> answers;
    return this;
  }

  /** A timer (by its activity id) that may run when the case waits for nothing else. */
  public CaseDriver letPass(String timerActivityId) {
    timersThatMayPass.add(timerActivityId);
    return this;
  }

  /**
   * Runs the case until nothing is left to do, or until {@code stopAt} (a task key, or null) is
   * open.
   */
  public List<Step> run(String businessKey, String stopAt) {
    for (int i = 0; i < 500; i++) {
      if (runAsyncJobs(businessKey) > 0) {
        continue;
      }
      List<Task> open =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(businessKey)
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
      if (!passOneTimer(businessKey)) {
        return steps;
      }
    }
    throw new AssertionError("the case did not settle within 500 steps: " + steps);
  }

  public List<Step> steps() {
    return steps;
  }

  /** Tasks completed so far (each a transaction). */
  public int userTasks() {
    return steps.size();
  }

  /** Async continuations (message jobs) run so far. */
  public int asyncJobs() {
    return asyncJobs;
  }

  /** Timers run so far. */
  public int timerJobs() {
    return timerJobs;
  }

  /** Steps that met a concurrent change and were done again. */
  public int retries() {
    return retries;
  }

  private void complete(Task task) {
    Function<Task, Map<String, Object>> answers =
        script.getOrDefault(task.getTaskDefinitionKey(), otherwise);
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
    identity.setAuthentication("staff-of-" + group, List.of(group));
    try {
      retrying(
          () -> {
            tasks.complete(task.getId(), values);
            return null;
          });
    } finally {
      identity.clearAuthentication();
    }
    steps.add(new Step(task.getTaskDefinitionKey(), task.getName(), group, values));
  }

  private String candidateGroup(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    throw new AssertionError("task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  private int runAsyncJobs(String businessKey) {
    Set<String> instances = instances(businessKey);
    if (instances.isEmpty()) {
      return 0;
    }
    int ran = 0;
    for (Job job :
        management.createJobQuery().processInstanceIds(instances).messages().executable().list()) {
      retrying(
          () -> {
            management.executeJob(job.getId());
            return null;
          });
      asyncJobs++;
      ran++;
    }
    return ran;
  }

  private boolean passOneTimer(String businessKey) {
    Set<String> instances = instances(businessKey);
    if (instances.isEmpty()) {
      return false;
    }
    for (Job job : management.createJobQuery().processInstanceIds(instances).timers().list()) {
      JobDefinition definition =
          management
              .createJobDefinitionQuery()
              .jobDefinitionId(job.getJobDefinitionId())
              .singleResult();
      if (definition != null && timersThatMayPass.contains(definition.getActivityId())) {
        retrying(
            () -> {
              management.executeJob(job.getId());
              return null;
            });
        timerJobs++;
        return true;
      }
    }
    return false;
  }

  private Set<String> instances(String businessKey) {
    Set<String> instances = new LinkedHashSet<>();
    for (ProcessInstance p :
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      instances.add(p.getId());
    }
    return instances;
  }

  private <T> T retrying(Supplier<T> step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
        retries++;
      }
    }
  }
}
