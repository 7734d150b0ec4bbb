package cn.yishi.supervision;

import static cn.yishi.supervision.SupervisionVariables.*;

import cn.yishi.common.LogText;
import cn.yishi.deliberation.DeliberationDayVariables;
import cn.yishi.notification.NotificationDeliveryVariables;
import cn.yishi.organisation.Department;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Watches the deadlines of open proposal steps (DOMAIN §6): a reminder goes to the step's
 * candidate group {@code reminderBefore} (from the proposal's {@code timeLimits}) before its due
 * date, and an overdue step starts a supervision (督办, process {@code supervision}) for the
 * level above the step's unit. Each happens once per task ({@link SupervisionRecords}).
 *
 * <p>The unit of a step is the prefix of its candidate group {@code <unitCode>.<role>}; a
 * department's step ({@code <dept>.department}, 吹哨报到) belongs to the unit that summoned it
 * ({@code summoningUnit}), which supervises it; the district, having nothing above, supervises
 * itself. A proposal step is a task whose process instance has a business key (the proposal
 * number) and is not one of the watch's own processes, the deliberation day or a notification
 * delivery.
 */
@Service
public class SupervisionService {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisionService.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> NOT_PROPOSAL_PROCESSES =
      Set.of(
          SUPERVISION_PROCESS_KEY,
          WATCH_PROCESS_KEY,
          DeliberationDayVariables.PROCESS_KEY,
          NotificationDeliveryVariables.PROCESS_KEY);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final OrganisationService organisation;
  private final SupervisionRecords records;
  private final GroupNotifications notifications;
  private final ZoneId zone;

  public SupervisionService(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      OrganisationService organisation,
      SupervisionRecords records,
      GroupNotifications notifications,
      @Value("${yishi.time-zone:Asia/Shanghai}") String zone) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.organisation = organisation;
    this.records = records;
    this.notifications = notifications;
    this.zone = ZoneId.of(zone);
  }

  /** What one watch did. */
  public record WatchResult(List<String> remindedTaskIds, List<String> supervisedTaskIds) {}

  /** One pass over every open proposal step with a due date, at {@code now}. */
  public WatchResult watch(Instant now) {
    List<String> reminded = new ArrayList<>();
    List<String> supervised = new ArrayList<>();
    List<Task> open = tasks.createTaskQuery().active().dueAfter(new Date(0)).orderByDueDate().asc().list();
    Map<String, ProcessInstance> instances = proposalInstances(open);
    for (Task task : open) {
      ProcessInstance instance = instances.get(task.getProcessInstanceId());
      if (instance == null) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      Optional<SupervisionRecord> record = records.find(task.getId());
      if (!due.isAfter(now)) {
        if (record.map(SupervisionRecord::supervised).orElse(false)) {
          continue;
        }
        if (supervise(task, instance, now)) {
          supervised.add(task.getId());
        }
      } else if (!record.map(SupervisionRecord::reminded).orElse(false)) {
        Duration lead = reminderBefore(task);
        if (lead != null && !due.minus(lead).isAfter(now) && remind(task, instance, now)) {
          reminded.add(task.getId());
        }
      }
    }
    if (!reminded.isEmpty() || !supervised.isEmpty()) {
      LOG.info("Time-limit watch: {} reminders, {} supervisions", reminded.size(), supervised.size());
    }
    return new WatchResult(reminded, supervised);
  }

  /**
   * The open steps of a proposal that have a due date, for its public status: name, task
   * definition key, due date (business time zone) and whether it is overdue. Supervision tasks
   * (督办) are the supervisors' work, not the proposal's steps, and are left out.
   */
  public List<OverdueStep> overdueSteps(String number) {
    Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKey(number).active().orderByDueDate().asc().list();
    Map<String, ProcessInstance> instances = proposalInstances(open);
    List<OverdueStep> steps = new ArrayList<>();
    for (Task task : open) {
      if (task.getDueDate() == null || !instances.containsKey(task.getProcessInstanceId())) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      steps.add(
          new OverdueStep(
              task.getName(),
              task.getTaskDefinitionKey(),
              due.atZone(zone).toOffsetDateTime(),
              !due.isAfter(now)));
    }
    return steps;
  }

  private boolean remind(Task task, ProcessInstance instance, Instant now) {
    Optional<String> group = candidateGroup(task);
    if (group.isEmpty()) {
      LOG.warn("Task {} ({}) has no unit group to remind", task.getId(), LogText.safe(task.getName()));
      return false;
    }
    String number = instance.getBusinessKey();
    String message =
        "提醒：提案 " + number + "「" + text(task.getExecutionId(), TITLE) + "」的步骤「" + task.getName()
            + "」将于 " + shown(task.getDueDate().toInstant()) + " 到期，请及时办理。";
    notifications.toGroup(number, group.get(), message);
    records.recordReminder(task.getId(), number, at(now));
    return true;
  }

  private boolean supervise(Task task, ProcessInstance instance, Instant now) {
    Optional<String> group = candidateGroup(task);
    if (group.isEmpty()) {
      LOG.warn("Overdue task {} ({}) has no unit group to supervise", task.getId(), LogText.safe(task.getName()));
      return false;
    }
    Units resolved = units(group.get(), task);
    if (resolved == null) {
      return false;
    }
    String number = instance.getBusinessKey();
    Instant due = task.getDueDate().toInstant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(NUMBER, number);
    variables.put(TITLE, text(task.getExecutionId(), TITLE));
    variables.put(TIME_LIMITS, runtime.getVariable(task.getExecutionId(), TIME_LIMITS));
    variables.put(SUPERVISING_UNIT, resolved.supervising());
    variables.put(SUPERVISING_UNIT_NAME, organisation.unit(resolved.supervising()).name());
    variables.put(SUPERVISED_UNIT, resolved.supervised());
    variables.put(SUPERVISED_UNIT_NAME, resolved.supervisedName());
    variables.put(SUPERVISED_GROUP, group.get());
    variables.put(SUPERVISED_TASK_ID, task.getId());
    variables.put(SUPERVISED_STEP, task.getName());
    variables.put(SUPERVISED_DUE, Date.from(due));
    variables.put(SUPERVISED_DUE_TEXT, shown(due));
    ProcessInstance supervision =
        runtime.startProcessInstanceByKey(SUPERVISION_PROCESS_KEY, number, variables);
    records.recordSupervision(task.getId(), number, at(due), supervision.getId());
    LOG.info(
        "Step '{}' of {} overdue since {}: supervision {} by {}",
        LogText.safe(task.getName()), LogText.safe(number), due, supervision.getId(), resolved.supervising());
    return true;
  }

  /** The overdue step's unit and the unit that supervises it. */
  private record Units(String supervised, String supervisedName, String supervising) {}

  private Units units(String group, Task task) {
    int dot = group.indexOf('.');
    String code = group.substring(0, dot);
    if (group.equals(Groups.departmentId(code))) {
      String summoning = text(task.getExecutionId(), SUMMONING_UNIT);
      if (summoning == null || organisation.findUnit(summoning).isEmpty()) {
        LOG.warn(
            "Overdue department task {} ({}): no valid {} ('{}') to supervise it",
            task.getId(), LogText.safe(group), SUMMONING_UNIT, LogText.safe(summoning));
        return null;
      }
      String name = organisation.findDepartment(code).map(Department::name).orElse(code);
      return new Units(code, name, summoning);
    }
    Optional<Unit> unit = organisation.findUnit(code);
    if (unit.isEmpty()) {
      LOG.warn("Overdue task {}: group {} names no unit", task.getId(), LogText.safe(group));
      return null;
    }
    String above = organisation.parentOf(code).map(Unit::code).orElse(code);
    return new Units(code, unit.get().name(), above);
  }

  /** The first candidate group of the form {@code <code>.<role>}. */
  private Optional<String> candidateGroup(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && link.getGroupId() != null
          && link.getGroupId().indexOf('.') > 0) {
        return Optional.of(link.getGroupId());
      }
    }
    return Optional.empty();
  }

  /** The task's reminderBefore from the proposal's timeLimits, or null when it has none. */
  private Duration reminderBefore(Task task) {
    Object limits = runtime.getVariable(task.getExecutionId(), TIME_LIMITS);
    if (!(limits instanceof Map<?, ?> map) || map.get(REMINDER_BEFORE) == null) {
      return null;
    }
    try {
      return Duration.parse(map.get(REMINDER_BEFORE).toString());
    } catch (RuntimeException e) {
      LOG.warn("Task {}: reminderBefore '{}' is not a duration", task.getId(), LogText.safe(map.get(REMINDER_BEFORE)));
      return null;
    }
  }

  /** Process instances of the tasks that are proposal steps, by id. */
  private Map<String, ProcessInstance> proposalInstances(List<Task> open) {
    Set<String> ids =
        open.stream().map(Task::getProcessInstanceId).filter(id -> id != null).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    Set<String> excluded = new HashSet<>();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKeyIn(NOT_PROPOSAL_PROCESSES.toArray(String[]::new))
            .list()) {
      excluded.add(definition.getId());
    }
    return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
        .filter(p -> p.getBusinessKey() != null && !excluded.contains(p.getProcessDefinitionId()))
        .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
  }

  private String text(String executionId, String name) {
    Object value = runtime.getVariable(executionId, name);
    return value != null ? value.toString() : null;
  }

  private String shown(Instant instant) {
    return SHOWN.format(instant.atZone(zone));
  }

  private OffsetDateTime at(Instant instant) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
