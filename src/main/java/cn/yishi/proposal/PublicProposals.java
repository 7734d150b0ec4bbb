package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.proposal.ProposalLifecycleProcess.COURTYARD;
import static cn.yishi.proposal.ProposalLifecycleProcess.EVALUATION_COMMENT;
import static cn.yishi.proposal.ProposalLifecycleProcess.KEY;
import static cn.yishi.proposal.ProposalLifecycleProcess.RATING;
import static cn.yishi.proposal.ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME;

import cn.yishi.api.PhoneChecks;
import cn.yishi.common.BusinessTime;
import cn.yishi.common.Variable;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents do through the public API: submit a proposal, read its public view, rate the
 * outcome. The view is the read model (status, timeline) plus the open steps of the proposal's
 * processes (every process of a proposal has its number as business key).
 */
@Service
public class PublicProposals {

  private final ProposalFields fields;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ProposalViewService views;
  private final OrganisationService organisation;
  private final BusinessTime time;
  private final PhoneChecks phoneChecks;
  private final CoSignatures coSignatures;

  public PublicProposals(
      ProposalFields fields,
      RuntimeService runtime,
      TaskService tasks,
      ProposalViewService views,
      OrganisationService organisation,
      BusinessTime time,
      PhoneChecks phoneChecks,
      CoSignatures coSignatures) {
    this.fields = fields;
    this.runtime = runtime;
    this.tasks = tasks;
    this.views = views;
    this.organisation = organisation;
    this.time = time;
    this.phoneChecks = phoneChecks;
    this.coSignatures = coSignatures;
  }

  /**
   * Starts the lifecycle; it runs synchronously to the sorting task, so the proposal has its
   * number, classification and status SORTING when this returns.
   *
   * <p>One transaction for the start and the answer read from it: a failure while reading the
   * answer (the database gone after the start) rolls the start back, so a resident answered 503
   * never has a proposal made all the same (which a retry would make twice).
   *
   * @throws InvalidProposalException naming every bad field; nothing is started
   */
  @Transactional
  public PublicProposal submit(Map<String, Object> submitted) {
    Map<String, Object> checked = fields.checkSubmission(submitted);
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, checked);
    // the number is the business key (AssignProposalNumber sets both in the start transaction):
    // reading it from the started instance spares a second command loading every variable
    String number = instance.getBusinessKey();
    return find(number)
        .orElseThrow(() -> new IllegalStateException("proposal " + number + " has no public view"));
  }

  public Optional<PublicProposal> find(String number) {
    return views.find(number).map(this::publicView);
  }

  /**
   * @throws UnknownProposalException no proposal has this number (404)
   */
  public void requireKnown(String number) {
    if (!views.exists(number)) {
      throw new UnknownProposalException(number);
    }
  }

  /**
   * The submitter's rating (CONTRACT §4 evaluation): completes the proposal's evaluation step. The
   * rating has been checked (400) by the caller; here, in this order, so that only the last answer
   * depends on the phone: the proposal must wait for a rating (409), the number must not be locked
   * by failed phone checks (429, {@link PhoneChecks}), and the phone must be the submitter's (403,
   * counted as a failed check).
   *
   * @throws UnknownProposalException unknown number (404)
   * @throws NotAwaitingEvaluationException the proposal does not wait for a rating (409)
   * @throws cn.yishi.api.TooManyRequests too many failed phone checks for this number (429)
   * @throws WrongSubmitterException the phone is not the submitter's (403)
   */
  public PublicProposal evaluate(String number, String rating, String comment, String phone) {
    if (rating == null || !EvaluationCheck.RATINGS.contains(rating)) {
      throw new InvalidProposalException(
          List.of(
              new FieldError(RATING.name(), "须为 SATISFIED、BASICALLY_SATISFIED 或 DISSATISFIED")));
    }
    ProcessInstance lifecycle = lifecycle(number);
    if (lifecycle == null) {
      requireKnown(number);
      throw new NotAwaitingEvaluationException(number);
    }
    Task evaluation =
        tasks
            .createTaskQuery()
            .processInstanceId(lifecycle.getId())
            .taskDefinitionKey(TASK_EVALUATE_OUTCOME)
            .singleResult();
    if (evaluation == null) {
      throw new NotAwaitingEvaluationException(number);
    }
    String submitterPhone = submitterPhone(lifecycle);
    if (!phoneChecks.attempt(number, () -> phone != null && phone.equals(submitterPhone))) {
      throw new WrongSubmitterException(number);
    }
    tasks.complete(
        evaluation.getId(),
        Variable.values(RATING.is(rating), EVALUATION_COMMENT.is(comment == null ? "" : comment)));
    return find(number).orElseThrow();
  }

  /**
   * One household co-signs the proposal (CONTRACT §4 cosignatures): checked in this order, the body
   * (400, naming each bad field), the proposal still open (409), the household not counted yet: its
   * phone neither a co-signer's already nor the submitter's (409).
   *
   * @param name the household's contact (required, at most 50 characters)
   * @param phone a mainland mobile number (required)
   * @param courtyard optional: a courtyard of the proposal's community
   * @param notify told of each step too
   * @throws InvalidProposalException naming every bad field
   * @throws CoSignatures.ProposalEndedException the proposal has ended (409)
   * @throws CoSignatures.AlreadyCoSignedException the phone co-signed already or is the submitter's
   *     (409)
   */
  public PublicProposal coSign(
      String number, String name, String phone, String courtyard, boolean notify) {
    ProposalView view = views.find(number).orElseThrow(() -> new UnknownProposalException(number));
    List<FieldError> errors = new ArrayList<>();
    if (courtyard != null) {
      Optional<Unit> unit = organisation.findUnit(courtyard);
      if (unit.isEmpty() || unit.get().level() != UnitLevel.COURTYARD) {
        errors.add(new FieldError(COURTYARD.name(), "没有这个院落，请从列表中选择"));
      } else if (view.community() != null && !organisation.isWithin(courtyard, view.community())) {
        errors.add(new FieldError(COURTYARD.name(), "不是本提案所在社区的院落"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    if (view.status() != null && HandlingDeadline.ENDED.contains(view.status())) {
      throw new CoSignatures.ProposalEndedException(number, view.status().label());
    }
    ProcessInstance lifecycle = lifecycle(number);
    if (lifecycle != null && phone.equals(submitterPhone(lifecycle))) {
      throw new CoSignatures.AlreadyCoSignedException(number);
    }
    coSignatures.add(number, name, phone, courtyard, notify, time.now());
    return find(number).orElseThrow();
  }

  private ProcessInstance lifecycle(String number) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(KEY)
        .processInstanceBusinessKey(number)
        .singleResult();
  }

  private String submitterPhone(ProcessInstance lifecycle) {
    return SUBMITTER_PHONE.read(runtime.getVariable(lifecycle.getId(), SUBMITTER_PHONE.name()));
  }

  private PublicProposal publicView(ProposalView view) {
    OffsetDateTime now = time.now();
    return new PublicProposal(
        view.number(),
        view.title(),
        view.status() == null ? null : view.status().name(),
        view.category(),
        view.matterScope(),
        view.track(),
        view.level(),
        view.community(),
        coSigners(view),
        view.submittedAt(),
        view.deadline(),
        view.overdueAt(now),
        openSteps(view.number(), now),
        view.timeline());
  }

  /** The households declared at submission and those that co-signed since. */
  private Integer coSigners(ProposalView view) {
    int received = coSignatures.count(view.number());
    return view.coSigners() == null ? Integer.valueOf(received) : view.coSigners() + received;
  }

  /** Open steps, overdue by the engine's clock (the clock their due dates and the watch use). */
  private List<PublicProposal.OpenStep> openSteps(String number, OffsetDateTime now) {
    List<PublicProposal.OpenStep> steps = new ArrayList<>();
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      steps.add(
          new PublicProposal.OpenStep(
              task.getName(),
              task.getTaskDefinitionKey(),
              levelOf(task),
              task.getDueDate() == null ? null : time.at(task.getDueDate().toInstant()),
              task.getDueDate() != null
                  && !task.getDueDate().toInstant().isAfter(now.toInstant())));
    }
    return steps;
  }

  /**
   * The level owning a task, from its candidate group ({@code <unit>.<role>}); DEPARTMENT for
   * departments.
   */
  private String levelOf(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
        continue;
      }
      String group = link.getGroupId();
      if (group.endsWith("." + Groups.DEPARTMENT_ROLE)) {
        return "DEPARTMENT";
      }
      int dot = group.lastIndexOf('.');
      Optional<Unit> unit =
          dot > 0 ? organisation.findUnit(group.substring(0, dot)) : Optional.empty();
      if (unit.isPresent()) {
        return unit.get().level().name();
      }
    }
    return null;
  }

  /** No proposal has this number (404). */
  public static class UnknownProposalException extends RuntimeException {
    public UnknownProposalException(String number) {
      super("没有编号为“" + number + "”的提案");
    }
  }

  /** The phone given is not the submitter's (403). */
  public static class WrongSubmitterException extends RuntimeException {
    public WrongSubmitterException(String number) {
      super("手机号与提案 " + number + " 的提案人不符");
    }
  }

  /** The proposal does not wait for a rating now (409). */
  public static class NotAwaitingEvaluationException extends RuntimeException {
    public NotAwaitingEvaluationException(String number) {
      super("提案 " + number + " 当前不在待评价阶段");
    }
  }
}
