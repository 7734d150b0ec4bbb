package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DESCRIPTION;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;

import cn.yishi.api.ApiProblems;
import cn.yishi.api.JsonBody;
import cn.yishi.common.Variable;
import cn.yishi.proposal.PublicProposals.NotAwaitingEvaluationException;
import cn.yishi.proposal.PublicProposals.UnknownProposalException;
import cn.yishi.proposal.PublicProposals.WrongSubmitterException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The residents' proposal API (CONTRACT §4): submit, read, rate. Strict: an unknown field, a string
 * where a number belongs, a fraction where an integer belongs or {@code exclusion} sent by a
 * resident is refused with 400 naming the field; nothing is started. Bodies are read by {@link
 * JsonBody}; refusals of every kind are problem+json ({@link ApiProblems}).
 */
@RestController
public class ProposalController {

  static final int MAX_BODY = JsonBody.MAX_BYTES;
  static final int MAX_COMMENT = 2000;

  /** CONTRACT §1: the body's fields are the lifecycle's start variables. */
  static final Set<String> SUBMISSION_FIELDS =
      names(
          TITLE,
          DESCRIPTION,
          COMMUNITY,
          COURTYARD,
          SUBMITTER_NAME,
          SUBMITTER_PHONE,
          TOPIC,
          SCOPE,
          JURISDICTION,
          CROSS_JURISDICTION,
          AFFECTED_HOUSEHOLDS,
          CO_SIGNERS,
          STAKEHOLDER_PARTIES,
          ESTIMATED_COST,
          USES_COLLECTIVE_FUNDS,
          SAFETY_HAZARD,
          LEGACY_ISSUE);

  /** CONTRACT §4 evaluation: {@code comment} becomes the variable evaluationComment. */
  static final String COMMENT = "comment";

  static final Set<String> EVALUATION_FIELDS =
      Set.of(RATING.name(), COMMENT, SUBMITTER_PHONE.name());
  static final Map<String, String> RESIDENT_MAY_NOT_SEND =
      Map.of(EXCLUSION.name(), "不可议事由由分拣的社区工作者确定，提案人不能填写");

  private final PublicProposals proposals;

  public ProposalController(PublicProposals proposals) {
    this.proposals = proposals;
  }

  @PostMapping(value = "/api/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PublicProposal> submit(HttpServletRequest request) {
    Map<String, Object> fields = JsonBody.read(request, SUBMISSION_FIELDS, RESIDENT_MAY_NOT_SEND);
    PublicProposal created = proposals.submit(fields);
    return ResponseEntity.created(URI.create("/api/proposals/" + created.number())).body(created);
  }

  @GetMapping(value = "/api/proposals/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  public PublicProposal find(@PathVariable String number) {
    return proposals.find(number).orElseThrow(() -> new UnknownProposalException(number));
  }

  /**
   * CONTRACT §4, checked in this order: unknown number 404, bad body 400 (415, 413), not awaiting
   * evaluation 409, too many failed phone checks 429, wrong phone 403; so nothing but the last step
   * depends on whether the phone is right.
   */
  @PostMapping(
      value = "/api/proposals/{number}/evaluation",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public PublicProposal evaluate(@PathVariable String number, HttpServletRequest request) {
    proposals.requireKnown(number);
    Map<String, Object> fields = JsonBody.read(request, EVALUATION_FIELDS, Map.of());
    JsonBody.requireText(fields, EVALUATION_FIELDS);
    List<FieldError> errors = new ArrayList<>();
    Object rating = fields.get(RATING.name());
    if (rating == null) {
      errors.add(new FieldError(RATING.name(), "必填"));
    } else if (!EvaluationCheck.RATINGS.contains(rating)) {
      errors.add(new FieldError(RATING.name(), "须为 SATISFIED、BASICALLY_SATISFIED 或 DISSATISFIED"));
    }
    Object comment = fields.get(COMMENT);
    if (comment != null && comment.toString().length() > MAX_COMMENT) {
      errors.add(new FieldError(COMMENT, "不能超过" + MAX_COMMENT + "个字符"));
    }
    Object phone = fields.get(SUBMITTER_PHONE.name());
    if (phone == null) {
      errors.add(new FieldError(SUBMITTER_PHONE.name(), "必填"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return proposals.evaluate(number, (String) rating, (String) comment, (String) phone);
  }

  /** CONTRACT §4 cosignatures: the co-signing household's fields. */
  static final String COSIGNER_NAME = "name";

  static final String COSIGNER_PHONE = "phone";
  static final String COSIGNER_NOTIFY = "notify";
  static final int MAX_COSIGNER_NAME = 50;
  static final Set<String> COSIGNATURE_TEXT =
      Set.of(COSIGNER_NAME, COSIGNER_PHONE, COURTYARD.name());
  static final Set<String> COSIGNATURE_FIELDS =
      Set.of(COSIGNER_NAME, COSIGNER_PHONE, COURTYARD.name(), COSIGNER_NOTIFY);

  /**
   * CONTRACT §4: one household co-signs. Checked in this order: unknown number 404, bad body 400
   * (415, 413), the proposal ended 409, the phone counted already (a co-signer's or the
   * submitter's) 409; then 201 with the public view, its {@code coSigners} counting the household.
   */
  @PostMapping(
      value = "/api/proposals/{number}/cosignatures",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PublicProposal> coSign(
      @PathVariable String number, HttpServletRequest request) {
    proposals.requireKnown(number);
    Map<String, Object> fields = JsonBody.read(request, COSIGNATURE_FIELDS, Map.of());
    JsonBody.requireText(fields, COSIGNATURE_TEXT);
    List<FieldError> errors = new ArrayList<>();
    String name = trimmed(fields.get(COSIGNER_NAME));
    if (name == null) {
      errors.add(new FieldError(COSIGNER_NAME, "必填"));
    } else if (name.length() > MAX_COSIGNER_NAME) {
      errors.add(new FieldError(COSIGNER_NAME, "不能超过" + MAX_COSIGNER_NAME + "个字符"));
    } else if (ProposalFields.nameProblem(name) != null) {
      errors.add(new FieldError(COSIGNER_NAME, ProposalFields.nameProblem(name)));
    }
    String phone = trimmed(fields.get(COSIGNER_PHONE));
    if (phone == null) {
      errors.add(new FieldError(COSIGNER_PHONE, "必填"));
    } else if (!ProposalFields.MOBILE.matcher(phone).matches()) {
      errors.add(new FieldError(COSIGNER_PHONE, ProposalFields.MOBILE_MESSAGE));
    }
    String courtyard = trimmed(fields.get(COURTYARD.name()));
    Object notify = fields.get(COSIGNER_NOTIFY);
    if (notify != null && !(notify instanceof Boolean)) {
      errors.add(new FieldError(COSIGNER_NOTIFY, "须为 true 或 false"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    PublicProposal view =
        proposals.coSign(number, name, phone, courtyard, Boolean.TRUE.equals(notify));
    return ResponseEntity.created(URI.create("/api/proposals/" + number)).body(view);
  }

  private static String trimmed(Object text) {
    return text == null || text.toString().isBlank() ? null : text.toString().trim();
  }

  @ExceptionHandler({
    CoSignatures.AlreadyCoSignedException.class,
    CoSignatures.ProposalEndedException.class
  })
  ResponseEntity<ProblemDetail> coSignRefused(RuntimeException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  @ExceptionHandler(InvalidProposalException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidProposalException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "提案信息有误");
    problem.setTitle("Invalid proposal");
    problem.setProperty("errors", e.errors());
    return problem(problem);
  }

  @ExceptionHandler(UnknownProposalException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownProposalException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(WrongSubmitterException.class)
  ResponseEntity<ProblemDetail> wrongSubmitter(WrongSubmitterException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
  }

  @ExceptionHandler(NotAwaitingEvaluationException.class)
  ResponseEntity<ProblemDetail> notAwaiting(NotAwaitingEvaluationException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  private static Set<String> names(Variable<?>... variables) {
    return Arrays.stream(variables).map(Variable::name).collect(Collectors.toUnmodifiableSet());
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ApiProblems.problem(problem);
  }
}
