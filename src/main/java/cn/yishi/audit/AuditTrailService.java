package cn.yishi.audit;

import cn.yishi.audit.AuditEvent.Kind;
import cn.yishi.audit.AuditTrail.DecisionRun;
import cn.yishi.audit.AuditTrail.ProcessRun;
import cn.yishi.audit.AuditTrail.Value;
import cn.yishi.common.BusinessTime;
import cn.yishi.notice.PublicNotice;
import cn.yishi.notice.PublicNotices;
import cn.yishi.notification.Notification;
import cn.yishi.notification.NotificationOutbox;
import cn.yishi.notification.PhoneMasking;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import cn.yishi.proposal.Correction;
import cn.yishi.proposal.CorrectionRecords;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.proposal.ProposalView;
import cn.yishi.proposal.ProposalViewService;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignedRecord;
import cn.yishi.signature.Verification;
import cn.yishi.summons.DepartmentRatingRecord;
import cn.yishi.summons.SummonsRecord;
import cn.yishi.summons.SummonsRepository;
import cn.yishi.supervision.SupervisionRecord;
import cn.yishi.supervision.SupervisionRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * Builds one proposal's audit trail (AUDIT_API.md) from the engine's history (history level full:
 * process and activity instances, tasks, the values each step set, decision evaluations, comments,
 * the operation log, definitions and deployments) and Yishi's own records, each read through the
 * service of the package that owns it. It only reads.
 */
@Service
public class AuditTrailService {

  /** Activity types that are routing, not steps: they show on the diagram, not in the events. */
  private static final Set<String> ROUTING =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "multiInstanceBody",
          "sequenceFlow");

  /** A value longer than this is shortened in an event's outcome (its details keep it whole). */
  private static final int OUTCOME_VALUE_LENGTH = 200;

  private final HistoryService history;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ProposalViewService views;
  private final CorrectionRecords corrections;
  private final SignatureService signatures;
  private final PublicNotices notices;
  private final NotificationOutbox notifications;
  private final SupervisionRecords supervision;
  private final SummonsRepository summonses;
  private final OrganisationService organisation;
  private final BusinessTime time;
  private final StepForms forms;
  private final ObjectMapper json = new ObjectMapper();

  public AuditTrailService(
      HistoryService history,
      RepositoryService repository,
      TaskService tasks,
      IdentityService identity,
      ProposalViewService views,
      CorrectionRecords corrections,
      SignatureService signatures,
      PublicNotices notices,
      NotificationOutbox notifications,
      SupervisionRecords supervision,
      SummonsRepository summonses,
      OrganisationService organisation,
      BusinessTime time,
      StepForms forms) {
    this.forms = forms;
    this.history = history;
    this.repository = repository;
    this.tasks = tasks;
    this.identity = identity;
    this.views = views;
    this.corrections = corrections;
    this.signatures = signatures;
    this.notices = notices;
    this.notifications = notifications;
    this.supervision = supervision;
    this.summonses = summonses;
    this.organisation = organisation;
    this.time = time;
  }

  /** The community (unit code) of a proposal, or empty when the number is unknown. */
  public Optional<String> communityOf(String number) {
    return views.find(number).map(ProposalView::community);
  }

  /** The trail of a proposal, or empty when no proposal has this number. */
  public Optional<AuditTrail> trail(String number) {
    Optional<ProposalView> found = views.find(number);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ProposalView view = found.get();
    Names names = new Names();
    List<AuditEvent> events = new ArrayList<>();
    List<ProcessRun> processes = new ArrayList<>();
    List<DecisionRun> decisions = new ArrayList<>();

    for (HistoricProcessInstance instance : instancesOf(number)) {
      processes.add(run(instance, events, names));
      decisions.addAll(decisions(instance.getId(), events));
    }
    corrections(number, events, names);
    signedRecords(number, events, names);
    notices(number, events);
    notifications(number, events);
    supervision(number, events);
    summonses(number, events, names);

    events.sort(
        Comparator.comparing(AuditEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
    Optional<Unit> street = organisation.ancestorAt(view.community(), UnitLevel.STREET);
    return Optional.of(
        new AuditTrail(
            number,
            view.title(),
            view.community(),
            organisation.findUnit(view.community()).map(Unit::name).orElse(null),
            street.map(Unit::code).orElse(null),
            street.map(Unit::name).orElse(null),
            view.status().name(),
            view.track(),
            view.level(),
            view.submittedAt(),
            !processes.isEmpty() && processes.stream().allMatch(p -> p.endedAt() != null),
            processes,
            decisions,
            events));
  }

  /** BPMN XML of a process definition, or empty when it does not exist. */
  public Optional<String> diagram(String definitionId) {
    if (repository.createProcessDefinitionQuery().processDefinitionId(definitionId).count() == 0) {
      return Optional.empty();
    }
    try (var in = repository.getProcessModel(definitionId)) {
      return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- engine history

  /** The instances started for the proposal (business key) and every instance they called. */
  /**
   * The proposal's process instances: those with its number as business key, then the ones each
   * called, breadth first. Each tree is read in one query by its root instance (indexed): Camunda
   * has no index on the caller's id, so asking for each instance's callees read the whole process
   * history every time, and a trail grew slower with every proposal kept.
   */
  private List<HistoricProcessInstance> instancesOf(String number) {
    List<HistoricProcessInstance> started =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    Map<String, List<HistoricProcessInstance>> calledBy = new HashMap<>();
    Set<String> roots = new LinkedHashSet<>();
    for (HistoricProcessInstance instance : started) {
      roots.add(instance.getRootProcessInstanceId());
    }
    for (String root : roots) {
      for (HistoricProcessInstance instance :
          history
              .createHistoricProcessInstanceQuery()
              .rootProcessInstanceId(root)
              .orderByProcessInstanceStartTime()
              .asc()
              .list()) {
        if (instance.getSuperProcessInstanceId() != null) {
          calledBy
              .computeIfAbsent(instance.getSuperProcessInstanceId(), k -> new ArrayList<>())
              .add(instance);
        }
      }
    }
    List<HistoricProcessInstance> found = new ArrayList<>();
    Deque<HistoricProcessInstance> queue = new ArrayDeque<>(started);
    Set<String> seen = new LinkedHashSet<>();
    while (!queue.isEmpty()) {
      HistoricProcessInstance instance = queue.removeFirst();
      if (!seen.add(instance.getId())) {
        continue;
      }
      found.add(instance);
      queue.addAll(calledBy.getOrDefault(instance.getId(), List.of()));
    }
    return found;
  }

  private ProcessRun run(HistoricProcessInstance instance, List<AuditEvent> events, Names names) {
    ProcessDefinition definition =
        repository.getProcessDefinition(instance.getProcessDefinitionId());
    Deployment deployment =
        repository
            .createDeploymentQuery()
            .deploymentId(definition.getDeploymentId())
            .singleResult();
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    List<HistoricActivityInstance> activities =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
    Map<String, HistoricTaskInstance> taskByActivityInstance = new HashMap<>();
    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
      taskByActivityInstance.put(task.getActivityInstanceId(), task);
    }
    Map<String, Map<String, Object>> setBy = valuesSetPerActivity(instance.getId());
    List<UserOperationLogEntry> operationLog =
        history
            .createUserOperationLogQuery()
            .processInstanceId(instance.getId())
            .orderByTimestamp()
            .asc()
            .list();
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : operationLog) {
      if (entry.getTaskId() != null
          && entry.getUserId() != null
          && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())) {
        completedBy.put(entry.getTaskId(), entry.getUserId());
      }
    }

    LinkedHashSet<String> visited = new LinkedHashSet<>();
    List<String> active = new ArrayList<>();
    String calledFrom = null;
    for (HistoricActivityInstance activity : activities) {
      visited.add(activity.getActivityId());
      if (activity.getEndTime() == null) {
        active.add(activity.getActivityId());
      }
      if (ROUTING.contains(activity.getActivityType())) {
        continue;
      }
      HistoricTaskInstance task = taskByActivityInstance.get(activity.getId());
      String actor = null;
      if (task != null) {
        actor = task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
      }
      if (actor == null && "startEvent".equals(activity.getActivityType())) {
        actor = instance.getStartUserId();
      }
      Map<String, Object> values = setBy.getOrDefault(activity.getId(), Map.of());
      Map<String, Object> details = new TreeMap<>(values);
      details.put("环节类型", activity.getActivityType());
      if (task != null && task.getDueDate() != null) {
        details.put("到期时间", at(task.getDueDate()).toString());
      }
      if (activity.isCanceled()) {
        details.put("已取消", true);
      }
      events.add(
          new AuditEvent(
              at(activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime()),
              Kind.STEP,
              instance.getId(),
              activity.getActivityId(),
              activity.getActivityName() != null
                  ? activity.getActivityName()
                  : activity.getActivityId(),
              actor,
              names.of(actor),
              activity.getEndTime() == null
                  ? "进行中"
                  : outcome(
                      values,
                      values.isEmpty()
                          ? null
                          : forms.of(
                              model, definition.getDeploymentId(), activity.getActivityId())),
              details,
              null));
    }
    if (instance.getSuperProcessInstanceId() != null) {
      HistoricActivityInstance caller =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getSuperProcessInstanceId())
              .activityType("callActivity")
              .list()
              .stream()
              .filter(a -> instance.getId().equals(a.getCalledProcessInstanceId()))
              .findFirst()
              .orElse(null);
      calledFrom = caller == null ? null : caller.getActivityId();
    }
    comments(instance.getId(), events, names);
    operations(instance.getId(), operationLog, events, names);
    settledBelow(instance.getId(), events);
    return new ProcessRun(
        instance.getId(),
        instance.getSuperProcessInstanceId(),
        calledFrom,
        definition.getKey(),
        definition.getName(),
        definition.getId(),
        definition.getVersion(),
        definition.getDeploymentId(),
        deployment == null ? null : at(deployment.getDeploymentTime()),
        at(instance.getStartTime()),
        instance.getEndTime() == null ? null : at(instance.getEndTime()),
        "/api/audit/diagrams/" + definition.getId(),
        List.copyOf(visited),
        TakenFlows.of(model, activities),
        active);
  }

  /** The values each activity instance set (a task's form fields), the last value per name. */
  private Map<String, Map<String, Object>> valuesSetPerActivity(String instanceId) {
    Map<String, Map<String, Object>> byActivity = new HashMap<>();
    for (HistoricDetail detail :
        history
            .createHistoricDetailQuery()
            .processInstanceId(instanceId)
            .variableUpdates()
            .disableBinaryFetching()
            .orderByTime()
            .asc()
            .list()) {
      if (detail instanceof HistoricVariableUpdate update
          && update.getActivityInstanceId() != null
          && update.getValue() != null) {
        Object value = update.getValue();
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
          value = String.valueOf(value);
        }
        byActivity
            .computeIfAbsent(update.getActivityInstanceId(), k -> new TreeMap<>())
            .put(update.getVariableName(), value);
      }
    }
    return byActivity;
  }

  private List<DecisionRun> decisions(String instanceId, List<AuditEvent> events) {
    List<DecisionRun> runs = new ArrayList<>();
    Map<String, DecisionDefinition> definitions = new HashMap<>();
    for (HistoricDecisionInstance decision :
        history
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(instanceId)
            .includeInputs()
            .includeOutputs()
            .disableBinaryFetching()
            .orderByEvaluationTime()
            .asc()
            .list()) {
      DecisionDefinition definition =
          definitions.computeIfAbsent(
              decision.getDecisionDefinitionId(), repository::getDecisionDefinition);
      List<Value> inputs = new ArrayList<>();
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        inputs.add(
            new Value(
                input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
                plain(input.getValue())));
      }
      List<Value> outputs = new ArrayList<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        outputs.add(
            new Value(
                output.getVariableName() != null ? output.getVariableName() : output.getClauseId(),
                plain(output.getValue())));
      }
      DecisionRun run =
          new DecisionRun(
              decision.getDecisionDefinitionKey(),
              decision.getDecisionDefinitionName(),
              definition.getVersion(),
              definition.getDeploymentId(),
              at(decision.getEvaluationTime()),
              instanceId,
              decision.getActivityId(),
              inputs,
              outputs);
      runs.add(run);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("版本", definition.getVersion());
      for (Value input : inputs) {
        details.put("输入·" + input.name(), input.value() == null ? "" : input.value());
      }
      for (Value output : outputs) {
        details.put("输出·" + output.name(), output.value() == null ? "" : output.value());
      }
      events.add(
          new AuditEvent(
              run.evaluatedAt(),
              Kind.DECISION,
              instanceId,
              decision.getActivityId(),
              run.name() != null ? run.name() : run.definitionKey(),
              null,
              null,
              outcome(outputs),
              details,
              null));
    }
    return runs;
  }

  private void comments(String instanceId, List<AuditEvent> events, Names names) {
    for (Comment comment : tasks.getProcessInstanceComments(instanceId)) {
      Map<String, Object> details = new LinkedHashMap<>();
      if (comment.getTaskId() != null) {
        details.put("任务编号", comment.getTaskId());
      }
      events.add(
          new AuditEvent(
              at(comment.getTime()),
              Kind.COMMENT,
              instanceId,
              null,
              "意见",
              comment.getUserId(),
              names.of(comment.getUserId()),
              comment.getFullMessage(),
              details,
              null));
    }
  }

  /** What people did through the engine's APIs (claim, complete, change a variable, …). */
  private void operations(
      String instanceId,
      List<UserOperationLogEntry> operationLog,
      List<AuditEvent> events,
      Names names) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry entry : operationLog) {
      if (entry.getUserId() != null) {
        byOperation.computeIfAbsent(entry.getOperationId(), k -> new ArrayList<>()).add(entry);
      }
    }
    for (List<UserOperationLogEntry> entries : byOperation.values()) {
      UserOperationLogEntry first = entries.get(0);
      Map<String, Object> details = new TreeMap<>();
      for (UserOperationLogEntry entry : entries) {
        if (entry.getProperty() != null) {
          details.put(
              OperationLabels.property(entry.getProperty()),
              (entry.getOrgValue() == null ? "" : entry.getOrgValue())
                  + " → "
                  + (entry.getNewValue() == null ? "" : entry.getNewValue()));
        }
      }
      if (first.getTaskId() != null) {
        details.put("任务编号", first.getTaskId());
      }
      details.put("操作类型", first.getEntityType() + " " + first.getOperationType());
      events.add(
          new AuditEvent(
              at(first.getTimestamp()),
              Kind.OPERATION,
              instanceId,
              null,
              OperationLabels.step(first.getEntityType(), first.getOperationType()),
              first.getUserId(),
              names.of(first.getUserId()),
              OperationLabels.operation(first.getOperationType()),
              details,
              null));
    }
  }

  private void settledBelow(String instanceId, List<AuditEvent> events) {
    List<HistoricVariableInstance> flags =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instanceId)
            .variableNameIn(
                ProposalLifecycleProcess.SETTLED_BELOW_HANDLING_LEVEL.name(),
                ProposalLifecycleProcess.SETTLED_BELOW_REASON.name())
            .list();
    HistoricVariableInstance flag = null;
    String reason = null;
    for (HistoricVariableInstance v : flags) {
      if (ProposalLifecycleProcess.SETTLED_BELOW_HANDLING_LEVEL.name().equals(v.getName())) {
        flag = v;
      } else if (v.getValue() != null) {
        reason = String.valueOf(v.getValue());
      }
    }
    if (flag != null && Boolean.TRUE.equals(flag.getValue())) {
      events.add(
          new AuditEvent(
              at(flag.getCreateTime()),
              Kind.SETTLED_BELOW,
              instanceId,
              null,
              "低于办理层级办结",
              null,
              null,
              reason,
              Map.of(),
              null));
    }
  }

  // ---------------------------------------------------------------- Yishi's records

  private void corrections(String number, List<AuditEvent> events, Names names) {
    for (Correction c : corrections.of(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("字段", c.field());
      details.put("原值", c.oldValue() == null ? "" : c.oldValue());
      details.put("新值", c.newValue());
      details.put("理由", c.reason());
      events.add(
          new AuditEvent(
              time.inZone(c.correctedAt()),
              Kind.CORRECTION,
              null,
              null,
              "更正 " + c.field(),
              c.correctedBy(),
              names.of(c.correctedBy()),
              (c.oldValue() == null ? "" : c.oldValue()) + " → " + c.newValue(),
              details,
              null));
    }
  }

  private void signedRecords(String number, List<AuditEvent> events, Names names) {
    for (SignedRecord record : signatures.records(number)) {
      Verification verification = signatures.verify(record);
      Map<String, Object> details = new TreeMap<>(contentOf(record));
      details.put("记录编号", record.id());
      details.put("内容哈希", record.contentHash());
      details.put("签名密钥", record.keyId());
      details.put("验签", verification.description());
      boolean meeting = record.kind() == RecordKind.MEETING;
      events.add(
          new AuditEvent(
              time.at(record.signedAt()),
              meeting ? Kind.MEETING_RECORD : Kind.SIGNATURE,
              null,
              null,
              meeting ? "会议记录（电子签名）" : "办理结果（电子签名）",
              record.signedBy(),
              names.of(record.signedBy()),
              verification.intact() ? "验签通过" : "验签失败：" + verification.description(),
              details,
              verification.intact()));
    }
  }

  /** The signed content's top-level fields (counts, outcome, participants …) as plain values. */
  private Map<String, Object> contentOf(SignedRecord record) {
    Map<String, Object> fields = new TreeMap<>();
    try {
      Object parsed = json.readValue(record.content(), Object.class);
      if (parsed instanceof Map<?, ?> map) {
        map.forEach(
            (k, v) -> {
              if (k != null && v != null) {
                fields.put(String.valueOf(k), plain(v));
              }
            });
      }
    } catch (JsonProcessingException e) {
      fields.put("内容", record.content());
    }
    return fields;
  }

  private void notices(String number, List<AuditEvent> events) {
    for (PublicNotice notice : notices.ofProposal(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("公示编号", notice.id());
      details.put("公示类别", notice.kind());
      details.put("公示开始", notice.from().toString());
      details.put("公示结束", notice.to().toString());
      details.put("内容", notice.content());
      events.add(
          new AuditEvent(
              notice.from(),
              Kind.NOTICE,
              null,
              null,
              "公示 " + notice.kind(),
              null,
              null,
              notice.open() ? "公示中" : "已结束",
              details,
              null));
      for (Map<String, Object> objection : notices.objections(notice.id())) {
        Map<String, Object> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        objection.forEach((k, v) -> o.put(k, v));
        Map<String, Object> od = new LinkedHashMap<>();
        od.put("公示编号", notice.id());
        od.put("异议人", String.valueOf(o.get("objector_name")));
        od.put("电话", PhoneMasking.mask(String.valueOf(o.get("objector_phone"))));
        od.put("异议内容", String.valueOf(o.get("objection_text")));
        events.add(
            new AuditEvent(
                timeOf(o.get("raised_at")),
                Kind.OBJECTION,
                null,
                null,
                "公示异议",
                null,
                null,
                String.valueOf(o.get("objection_text")),
                od,
                null));
        if (o.get("judgement") != null) {
          Map<String, Object> jd = new LinkedHashMap<>();
          jd.put("公示编号", notice.id());
          jd.put("研判", String.valueOf(o.get("judgement")));
          if (o.get("reply_text") != null) {
            jd.put("答复", String.valueOf(o.get("reply_text")));
          }
          if (o.get("judged_by_unit") != null) {
            jd.put("研判单位", String.valueOf(o.get("judged_by_unit")));
          }
          events.add(
              new AuditEvent(
                  timeOf(o.get("judged_at")),
                  Kind.JUDGEMENT,
                  null,
                  null,
                  "异议研判",
                  null,
                  null,
                  String.valueOf(o.get("judgement")),
                  jd,
                  null));
        }
      }
    }
  }

  private void notifications(String number, List<AuditEvent> events) {
    for (Notification n : notifications.ofProposal(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("接收方类别", n.recipientKind());
      details.put(
          "recipient",
          Notification.PHONE.equals(n.recipientKind())
              ? PhoneMasking.mask(n.recipient())
              : n.recipient());
      details.put("渠道", n.channel());
      details.put("发送次数", n.attempts());
      if (n.deliveredAt() != null) {
        details.put("送达时间", time.inZone(n.deliveredAt()).toString());
      }
      if (n.lastError() != null) {
        details.put("最近错误", n.lastError());
      }
      events.add(
          new AuditEvent(
              time.inZone(n.createdAt()),
              Kind.NOTIFICATION,
              null,
              null,
              "通知",
              null,
              null,
              n.message(),
              details,
              null));
    }
  }

  private void supervision(String number, List<AuditEvent> events) {
    for (SupervisionRecord r : supervision.forProposal(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("任务编号", r.taskId());
      if (r.remindedAt() != null) {
        details.put("提醒时间", time.inZone(r.remindedAt()).toString());
      }
      if (r.supervisionInstanceId() != null) {
        details.put("督办流程", r.supervisionInstanceId());
      }
      OffsetDateTime at = r.overdueSince() != null ? r.overdueSince() : r.remindedAt();
      events.add(
          new AuditEvent(
              at == null ? null : time.inZone(at),
              Kind.SUPERVISION,
              null,
              null,
              r.supervised() ? "督办" : "到期提醒",
              null,
              null,
              r.supervised() ? "已开启督办" : "已提醒",
              details,
              null));
    }
  }

  private void summonses(String number, List<AuditEvent> events, Names names) {
    for (SummonsRecord s : summonses.summonsesOf(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("召集单位", s.summoningUnit());
      details.put("部门", String.join("、", s.departments()));
      if (s.summonsTask() != null) {
        details.put("任务", s.summonsTask());
      }
      events.add(
          new AuditEvent(
              time.inZone(s.summonedAt()),
              Kind.SUMMONS,
              s.processInstanceId(),
              null,
              "吹哨：召集部门",
              s.summonedBy(),
              names.of(s.summonedBy()),
              String.join("、", s.departments()),
              details,
              null));
    }
    for (DepartmentRatingRecord r : summonses.ratingsOf(number)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("部门", r.department());
      details.put("报到超时", r.reportInOverdue());
      if (r.reportedInAt() != null) {
        details.put("报到时间", time.inZone(r.reportedInAt()).toString());
      }
      if (r.doneAt() != null) {
        details.put("完成时间", time.inZone(r.doneAt()).toString());
      }
      if (r.workDone() != null) {
        details.put("完成情况", r.workDone());
      }
      if (r.ratingComment() != null) {
        details.put("评价意见", r.ratingComment());
      }
      events.add(
          new AuditEvent(
              time.inZone(r.ratedAt()),
              Kind.SUMMONS,
              null,
              null,
              "部门评价 " + r.department(),
              r.ratedBy(),
              names.of(r.ratedBy()),
              r.rating().name(),
              details,
              null));
    }
  }

  // ---------------------------------------------------------------- helpers

  private OffsetDateTime at(Date date) {
    return date == null ? null : time.at(date.toInstant());
  }

  private OffsetDateTime timeOf(Object value) {
    if (value instanceof OffsetDateTime t) {
      return time.inZone(t);
    }
    if (value instanceof java.sql.Timestamp t) {
      return time.at(t.toInstant());
    }
    if (value instanceof java.time.Instant i) {
      return time.at(i);
    }
    return null;
  }

  private static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  private static String outcome(Map<String, Object> values, StepForms.Form form) {
    if (form != null) {
      return form.describe(values, AuditTrailService::shorten);
    }
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + shorten(v)));
    return parts.isEmpty() ? "完成" : String.join("；", parts);
  }

  private static String outcome(List<Value> values) {
    List<String> parts = new ArrayList<>();
    for (Value v : values) {
      parts.add(v.name() + "=" + shorten(v.value()));
    }
    return String.join("；", parts);
  }

  private static String shorten(Object value) {
    String s = String.valueOf(value);
    return s.length() <= OUTCOME_VALUE_LENGTH ? s : s.substring(0, OUTCOME_VALUE_LENGTH) + "…";
  }

  /** Display names of users, looked up once per trail. */
  private final class Names {
    private final Map<String, String> known = new HashMap<>();

    String of(String userId) {
      if (userId == null) {
        return null;
      }
      return known.computeIfAbsent(
          userId,
          id -> {
            // readers of the trail may not read Camunda's users; the name of whoever did a step
            // is part of what they audit, so it is looked up outside their authorizations
            Authentication reader = identity.getCurrentAuthentication();
            User user;
            identity.clearAuthentication();
            try {
              user = identity.createUserQuery().userId(id).singleResult();
            } finally {
              if (reader != null) {
                identity.setAuthentication(reader);
              }
            }
            if (user == null) {
              return null;
            }
            String name =
                (user.getFirstName() == null ? "" : user.getFirstName())
                    + (user.getLastName() == null ? "" : user.getLastName());
            return name.isBlank() ? null : name;
          });
    }
  }
}
