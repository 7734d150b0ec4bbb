package cn.yishi.proposal;

import cn.yishi.proposal.PublicProposals.NotAwaitingEvaluationException;
import cn.yishi.proposal.PublicProposals.UnknownProposalException;
import cn.yishi.proposal.PublicProposals.WrongSubmitterException;
import cn.yishi.api.ApiProblems;
import cn.yishi.api.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The residents' proposal API (CONTRACT §4): submit, read, rate. Strict: an unknown field, a
 * string where a number belongs, a fraction where an integer belongs or {@code exclusion} sent by
 * a resident is refused with 400 naming the field; nothing is started. Bodies are read by {@link
 * JsonBody}; refusals of every kind are problem+json ({@link ApiProblems}).
 */
@RestController
public class ProposalController {

  static final int MAX_BODY = JsonBody.MAX_BYTES;
  static final int MAX_COMMENT = 2000;
  static final Set<String> SUBMISSION_FIELDS =
      Set.of(
          "title", "description", "community", "courtyard", "submitterName", "submitterPhone",
          "topic", "scope", "jurisdiction", "crossJurisdiction", "affectedHouseholds", "coSigners",
          "stakeholderParties", "estimatedCost", "usesCollectiveFunds", "safetyHazard", "legacyIssue");
  static final Set<String> EVALUATION_FIELDS = Set.of("rating", "comment", "submitterPhone");
  static final Map<String, String> RESIDENT_MAY_NOT_SEND =
      Map.of("exclusion", "不可议事由由分拣的社区工作者确定，提案人不能填写");

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
   * evaluation 409, too many failed phone checks 429, wrong phone 403; so nothing but the last
   * step depends on whether the phone is right.
   */
  @PostMapping(value = "/api/proposals/{number}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
  public PublicProposal evaluate(@PathVariable String number, HttpServletRequest request) {
    proposals.requireKnown(number);
    Map<String, Object> fields = JsonBody.read(request, EVALUATION_FIELDS, Map.of());
    JsonBody.requireText(fields, EVALUATION_FIELDS);
    List<FieldError> errors = new ArrayList<>();
    Object rating = fields.get("rating");
    if (rating == null) {
      errors.add(new FieldError("rating", "必填"));
    } else if (!EvaluationCheck.RATINGS.contains(rating)) {
      errors.add(new FieldError("rating", "须为 SATISFIED、BASICALLY_SATISFIED 或 DISSATISFIED"));
    }
    Object comment = fields.get("comment");
    if (comment != null && comment.toString().length() > MAX_COMMENT) {
      errors.add(new FieldError("comment", "不能超过" + MAX_COMMENT + "个字符"));
    }
    if (fields.get("submitterPhone") == null) {
      errors.add(new FieldError("submitterPhone", "必填"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return proposals.evaluate(number, (String) rating, (String) comment, (String) fields.get("submitterPhone"));
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

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ApiProblems.problem(problem);
  }
}
