package cn.yishi.supervision;

import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.common.CommonVariables.SUMMONING_UNIT;
import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.supervision.SupervisionProcess.*;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.LogText;
import cn.yishi.common.Variable;
import cn.yishi.deliberation.DeliberationDayProcess;
import cn.yishi.notification.NotificationDeliveryProcess;
import cn.yishi.organisation.Department;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Role;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import cn.yishi.proposal.HandlingDeadline;
import cn.yishi.proposal.ProposalView;
import cn.yishi.proposal.ProposalViewService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Service;

/**
 * The one supervision mechanism (DOMAIN "One 督办 per overdue step, escalating"): watches the
 * deadlines of open proposal steps and of the proposals themselves. A reminder goes to the step's
 * candidate group {@code reminderBefore} (from the proposal's {@code timeLimits}) before its due
 * date, and an overdue step starts a supervision (督办, process {@code supervision}) for the level
 * above the step's unit. Each happens once per task ({@link SupervisionRecords}).
 *
 * <p>A supervision task is itself a watched step: reminded before its due date, and, unanswered
 * once due, escalated to a supervision by the level above its supervising unit (community → street
 * → district). At the district nothing further is opened; nor is anything escalated once the
 * proposal has ended.
 *
 * <p>A proposal past its handling deadline (CONTRACT §4 {@code deadline}: resolveWithin from the
 * end of sorting, its result not recorded) gets one supervision per handling period ({@link
 * DeadlineSupervisions}) by the level above the unit that handles it: the read model's deliberation
 * unit, else the unit at its handling level on its path (courtyard, community, street, district).
 *
 * <p>The unit of a step is the prefix of its candidate group {@code <unitCode>.<role>}; a
 * department's step ({@code <dept>.department}, 吹哨报到) belongs to the unit that summoned it ({@code
 * summoningUnit}), which supervises it; the district, having nothing above, supervises itself. A
 * proposal step is a task whose process instance has a business key (the proposal number) and is
 * not a supervision, the watch, the deliberation day or a notification delivery.
 */
@Service
public class SupervisionService {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisionService.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Processes whose tasks are not watched (a supervision's task is: it escalates). */
  private static final Set<String> UNWATCHED_PROCESSES =
      Set.of(
          TimeLimitWatchProcess.KEY, DeliberationDayProcess.KEY, NotificationDeliveryProcess.KEY);

  /** Processes that are not the proposal's own (they have its number as business key too). */
  private static final Set<String> NOT_PROPOSAL_PROCESSES =
      union(UNWATCHED_PROCESSES, SupervisionProcess.KEY);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final OrganisationService organisation;
  private final SupervisionRecords records;
  private final GroupNotifications notifications;
  private final ProposalViewService views;
  private final DeadlineSupervisions deadlines;
  private final BusinessTime time;

  public SupervisionService(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      OrganisationService organisation,
      SupervisionRecords records,
      GroupNotifications notifications,
      ProposalViewService views,
      DeadlineSupervisions deadlines,
      BusinessTime time) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.organisation = organisation;
    this.records = records;
    this.notifications = notifications;
    this.views = views;
    this.deadlines = deadlines;
    this.time = time;
  }

  /**
   * What one watch did: reminders, supervisions of overdue steps, escalations of unanswered
   * supervision tasks (task ids), and supervisions of proposals past their deadline (numbers).
   */
  public record WatchResult(
      List<String> remindedTaskIds,
      List<String> supervisedTaskIds,
      List<String> escalatedTaskIds,
      List<String> overdueProposals) {}

  /** One pass over every open proposal step with a due date, and every proposal, at {@code now}. */
  public WatchResult watch(Instant now) {
    List<String> reminded = new ArrayList<>();
    List<String> supervised = new ArrayList<>();
    List<String> escalated = new ArrayList<>();
    List<Task> open =
        tasks.createTaskQuery().active().dueAfter(new Date(0)).orderByDueDate().asc().list();
    Watched watched = watchedInstances(open);
    for (Task task : open) {
      ProcessInstance instance = watched.instances().get(task.getProcessInstanceId());
      if (instance == null) {
        continue;
      }
      boolean supervisionTask =
          watched.supervisionDefinitions().contains(instance.getProcessDefinitionId());
      Instant due = task.getDueDate().toInstant();
      Optional<SupervisionRecord> record = records.find(task.getId());
      if (!due.isAfter(now)) {
        if (record.map(SupervisionRecord::supervised).orElse(false)) {
          continue;
        }
        if (supervisionTask) {
          if (escalate(task, instance, now)) {
            escalated.add(task.getId());
          }
        } else if (supervise(task, instance, now)) {
          supervised.add(task.getId());
        }
      } else if (!record.map(SupervisionRecord::reminded).orElse(false)) {
        Duration lead = reminderBefore(task);
        if (lead != null && !due.minus(lead).isAfter(now) && remind(task, instance, now)) {
          reminded.add(task.getId());
        }
      }
    }
    List<String> overdueProposals = new ArrayList<>();
    for (ProposalView proposal : views.overdue(at(now))) {
      if (!deadlines.exists(proposal.number(), proposal.acceptedAt())
          && superviseDeadline(proposal)) {
        overdueProposals.add(proposal.number());
      }
    }
    if (!reminded.isEmpty()
        || !supervised.isEmpty()
        || !escalated.isEmpty()
        || !overdueProposals.isEmpty()) {
      LOG.info(
          "Time-limit watch: {} reminders, {} supervisions, {} escalations, {} proposals past their deadline",
          reminded.size(),
          supervised.size(),
          escalated.size(),
          overdueProposals.size());
    }
    return new WatchResult(reminded, supervised, escalated, overdueProposals);
  }

  /**
   * The open steps of a proposal that have a due date, for its public status: name, task definition
   * key, due date (business time zone) and whether it is overdue. Supervision tasks (督办) are the
   * supervisors' work, not the proposal's steps, and are left out.
   */
  public List<OverdueStep> overdueSteps(String number) {
    Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .active()
            .orderByDueDate()
            .asc()
            .list();
    Watched watched = watchedInstances(open);
    List<OverdueStep> steps = new ArrayList<>();
    for (Task task : open) {
      ProcessInstance instance = watched.instances().get(task.getProcessInstanceId());
      if (task.getDueDate() == null
          || instance == null
          || watched.supervisionDefinitions().contains(instance.getProcessDefinitionId())) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      steps.add(
          new OverdueStep(
              task.getName(), task.getTaskDefinitionKey(), time.at(due), !due.isAfter(now)));
    }
    return steps;
  }

  private boolean remind(Task task, ProcessInstance instance, Instant now) {
    Optional<String> group = candidateGroup(task);
    if (group.isEmpty()) {
      LOG.warn(
          "Task {} ({}) has no unit group to remind", task.getId(), LogText.safe(task.getName()));
      return false;
    }
    String number = instance.getBusinessKey();
    String message =
        "提醒：提案 "
            + number
            + "「"
            + text(task.getExecutionId(), TITLE)
            + "」的步骤「"
            + task.getName()
            + "」将于 "
            + shown(task.getDueDate().toInstant())
            + " 到期，请及时办理。";
    notifications.toGroup(number, group.get(), message);
    records.recordReminder(task.getId(), number, at(now));
    return true;
  }

  private boolean supervise(Task task, ProcessInstance instance, Instant now) {
    Optional<String> group = candidateGroup(task);
    if (group.isEmpty()) {
      LOG.warn(
          "Overdue task {} ({}) has no unit group to supervise",
          task.getId(),
          LogText.safe(task.getName()));
      return false;
    }
    Units resolved = units(group.get(), task);
    if (resolved == null) {
      return false;
    }
    String number = instance.getBusinessKey();
    Instant due = task.getDueDate().toInstant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(TITLE.name(), text(task.getExecutionId(), TITLE));
    variables.put(
        TIME_LIMITS.name(), runtime.getVariable(task.getExecutionId(), TIME_LIMITS.name()));
    variables.put(SUPERVISION_KIND.name(), KIND_STEP);
    variables.put(SUPERVISION_LEVEL.name(), 1);
    variables.put(ORIGINAL_STEP.name(), task.getName());
    variables.put(ORIGINAL_UNIT_NAME.name(), resolved.supervisedName());
    variables.put(
        SUPERVISION_SUBJECT.name(),
        "步骤「"
            + task.getName()
            + "」（"
            + resolved.supervisedName()
            + "）已于 "
            + shown(due)
            + " 到期仍未办结：请督促其办理。");
    String id = start(number, resolved, group.get(), task.getId(), task.getName(), due, variables);
    records.recordSupervision(task.getId(), number, at(due), id);
    LOG.info(
        "Step '{}' of {} overdue since {}: supervision {} by {}",
        LogText.safe(task.getName()),
        LogText.safe(number),
        due,
        id,
        resolved.supervising());
    return true;
  }

  /**
   * An unanswered supervision task, once due, gets one supervision by the level above its
   * supervising unit; the chain (kind, original step, level) is carried on. Nothing at the
   * district, and nothing once the proposal has ended.
   */
  private boolean escalate(Task task, ProcessInstance instance, Instant now) {
    String number = instance.getBusinessKey();
    String lower = text(task.getExecutionId(), SUPERVISING_UNIT);
    Optional<Unit> lowerUnit = lower == null ? Optional.empty() : organisation.findUnit(lower);
    if (lowerUnit.isEmpty()) {
      LOG.warn(
          "Unanswered supervision task {}: no valid {} ('{}')",
          task.getId(),
          SUPERVISING_UNIT,
          LogText.safe(lower));
      return false;
    }
    Optional<Unit> above = organisation.parentOf(lower);
    if (above.isEmpty() || ended(number)) {
      return false;
    }
    Optional<String> group = candidateGroup(task);
    Instant due = task.getDueDate().toInstant();
    Object level = runtime.getVariable(task.getExecutionId(), SUPERVISION_LEVEL.name());
    String originalStep = textOr(task.getExecutionId(), ORIGINAL_STEP, SUPERVISED_STEP);
    String originalUnit = textOr(task.getExecutionId(), ORIGINAL_UNIT_NAME, SUPERVISED_UNIT_NAME);
    Map<String, Object> variables = new HashMap<>();
    variables.put(TITLE.name(), text(task.getExecutionId(), TITLE));
    variables.put(
        TIME_LIMITS.name(), runtime.getVariable(task.getExecutionId(), TIME_LIMITS.name()));
    Object kind = runtime.getVariable(task.getExecutionId(), SUPERVISION_KIND.name());
    variables.put(SUPERVISION_KIND.name(), kind != null ? kind : KIND_STEP);
    variables.put(SUPERVISION_LEVEL.name(), (level instanceof Number n ? n.intValue() : 1) + 1);
    variables.put(ORIGINAL_STEP.name(), originalStep);
    variables.put(ORIGINAL_UNIT_NAME.name(), originalUnit);
    variables.put(ESCALATED_FROM.name(), instance.getId());
    variables.put(
        SUPERVISION_SUBJECT.name(),
        lowerUnit.get().name()
            + "对「"
            + originalStep
            + "」（"
            + originalUnit
            + "）的督办已于 "
            + shown(due)
            + " 到期仍未答复：请督促"
            + lowerUnit.get().name()
            + "督办到位。");
    String id =
        start(
            number,
            new Units(lower, lowerUnit.get().name(), above.get().code()),
            group.orElse(Groups.id(lower, Role.CASEWORKER)),
            task.getId(),
            task.getName(),
            due,
            variables);
    records.recordSupervision(task.getId(), number, at(due), id);
    LOG.info(
        "Supervision task {} of {} unanswered since {}: escalated to {} ({})",
        task.getId(),
        LogText.safe(number),
        due,
        above.get().code(),
        id);
    return true;
  }

  /**
   * A proposal past its handling deadline: one supervision by the level above its handling unit.
   */
  private boolean superviseDeadline(ProposalView proposal) {
    String number = proposal.number();
    Optional<Unit> handling = handlingUnit(proposal);
    if (handling.isEmpty()) {
      LOG.warn(
          "Proposal {} is past its deadline but has no handling unit to supervise",
          LogText.safe(number));
      return false;
    }
    Object limits = proposalTimeLimits(number);
    if (limits == null) {
      LOG.warn(
          "Proposal {} is past its deadline but no process of it has timeLimits",
          LogText.safe(number));
      return false;
    }
    Unit unit = handling.get();
    String supervising = organisation.parentOf(unit.code()).map(Unit::code).orElse(unit.code());
    Instant due = proposal.deadline().toInstant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(TITLE.name(), proposal.title());
    variables.put(TIME_LIMITS.name(), limits);
    variables.put(SUPERVISION_KIND.name(), KIND_DEADLINE);
    variables.put(SUPERVISION_LEVEL.name(), 1);
    variables.put(ORIGINAL_STEP.name(), DEADLINE_STEP_NAME);
    variables.put(ORIGINAL_UNIT_NAME.name(), unit.name());
    variables.put(
        SUPERVISION_SUBJECT.name(),
        "提案自 "
            + shown(proposal.acceptedAt().toInstant())
            + " 受理，办理时限已于 "
            + shown(due)
            + " 届满，仍未记录办理结果（承办单位："
            + unit.name()
            + "）：请督促办结。");
    String id =
        start(
            number,
            new Units(unit.code(), unit.name(), supervising),
            Groups.id(unit.code(), Role.CASEWORKER),
            null,
            DEADLINE_STEP_NAME,
            due,
            variables);
    deadlines.record(number, proposal.acceptedAt(), proposal.deadline(), supervising, id);
    LOG.info(
        "Proposal {} past its deadline {}: supervision {} by {}",
        LogText.safe(number),
        due,
        id,
        supervising);
    return true;
  }

  /** Starts a supervision instance with the proposal number as business key; its id. */
  private String start(
      String number,
      Units units,
      String supervisedGroup,
      String taskId,
      String step,
      Instant due,
      Map<String, Object> variables) {
    variables.put(NUMBER.name(), number);
    variables.put(SUPERVISING_UNIT.name(), units.supervising());
    variables.put(SUPERVISING_UNIT_NAME.name(), organisation.unit(units.supervising()).name());
    variables.put(SUPERVISED_UNIT.name(), units.supervised());
    variables.put(SUPERVISED_UNIT_NAME.name(), units.supervisedName());
    variables.put(SUPERVISED_GROUP.name(), supervisedGroup);
    variables.put(SUPERVISED_TASK_ID.name(), taskId);
    variables.put(SUPERVISED_STEP.name(), step);
    variables.put(SUPERVISED_DUE.name(), Date.from(due));
    variables.put(SUPERVISED_DUE_TEXT.name(), shown(due));
    return runtime.startProcessInstanceByKey(SupervisionProcess.KEY, number, variables).getId();
  }

  /**
   * The unit that handles the proposal: its deliberation unit once known (settled below or raised
   * above its handling level included), else the unit at its handling level on its path.
   */
  private Optional<Unit> handlingUnit(ProposalView proposal) {
    if (proposal.deliberationUnit() != null) {
      Optional<Unit> deliberating = organisation.findUnit(proposal.deliberationUnit());
      if (deliberating.isPresent()) {
        return deliberating;
      }
    }
    String entry = proposal.courtyard() != null ? proposal.courtyard() : proposal.community();
    Optional<Unit> start = entry == null ? Optional.empty() : organisation.findUnit(entry);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    for (UnitLevel level : UnitLevel.values()) {
      if (level.name().equals(proposal.level())) {
        Optional<Unit> atLevel = start.get().ancestorAt(level);
        if (atLevel.isPresent()) {
          return atLevel;
        }
      }
    }
    return start.get().ancestorAt(UnitLevel.COMMUNITY).or(() -> start);
  }

  /** The timeLimits of the proposal, from any of its proposal processes. */
  private Object proposalTimeLimits(String number) {
    List<ProcessInstance> instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).active().list();
    Set<String> excluded = definitionIds(NOT_PROPOSAL_PROCESSES);
    for (ProcessInstance instance : instances) {
      if (!excluded.contains(instance.getProcessDefinitionId())) {
        Object limits = runtime.getVariable(instance.getId(), TIME_LIMITS.name());
        if (limits != null) {
          return limits;
        }
      }
    }
    return null;
  }

  private boolean ended(String number) {
    return views
        .find(number)
        .map(v -> v.status() != null && HandlingDeadline.ENDED.contains(v.status()))
        .orElse(false);
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
            task.getId(),
            LogText.safe(group),
            SUMMONING_UNIT,
            LogText.safe(summoning));
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
    return FollowUpDates.reminderBefore(
        runtime.getVariable(task.getExecutionId(), TIME_LIMITS.name()), task.getId());
  }

  /** The watched process instances by id, and which process definitions are supervisions. */
  private record Watched(
      Map<String, ProcessInstance> instances, Set<String> supervisionDefinitions) {}

  /**
   * Process instances of the tasks that are proposal steps or supervision tasks (both have the
   * proposal number as business key), by id.
   */
  private Watched watchedInstances(List<Task> open) {
    Set<String> ids =
        open.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return new Watched(Map.of(), Set.of());
    }
    Set<String> excluded = definitionIds(UNWATCHED_PROCESSES);
    Set<String> supervisions = definitionIds(Set.of(SupervisionProcess.KEY));
    Map<String, ProcessInstance> instances =
        runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
            .filter(
                p -> p.getBusinessKey() != null && !excluded.contains(p.getProcessDefinitionId()))
            .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    return new Watched(instances, supervisions);
  }

  private Set<String> definitionIds(Set<String> keys) {
    Set<String> ids = new HashSet<>();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKeyIn(keys.toArray(String[]::new))
            .list()) {
      ids.add(definition.getId());
    }
    return ids;
  }

  /**
   * The variable {@code name}, else {@code otherwise} (a supervision started before the chain was
   * kept).
   */
  private String textOr(String executionId, Variable<String> name, Variable<String> otherwise) {
    String value = text(executionId, name);
    return value != null ? value : text(executionId, otherwise);
  }

  private String text(String executionId, Variable<String> variable) {
    Object value = runtime.getVariable(executionId, variable.name());
    return value != null ? value.toString() : null;
  }

  private String shown(Instant instant) {
    return SHOWN.format(time.at(instant));
  }

  private static Set<String> union(Set<String> keys, String key) {
    Set<String> all = new HashSet<>(keys);
    all.add(key);
    return Set.copyOf(all);
  }

  private OffsetDateTime at(Instant instant) {
    return time.at(instant);
  }
}
