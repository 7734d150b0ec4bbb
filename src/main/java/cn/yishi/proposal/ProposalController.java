package cn.yishi.proposal;

import cn.yishi.proposal.PublicProposals.NotAwaitingEvaluationException;
import cn.yishi.proposal.PublicProposals.UnknownProposalException;
import cn.yishi.proposal.PublicProposals.WrongSubmitterException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The residents' proposal API (CONTRACT §4): submit, read, rate. Strict: an unknown field, a
 * string where a number belongs, a fraction where an integer belongs or {@code exclusion} sent by
 * a resident is refused with 400 naming the field; nothing is started.
 */
@RestController
public class ProposalController {

  static final int MAX_BODY = 64 * 1024;
  static final Set<String> SUBMISSION_FIELDS =
      Set.of(
          "title", "description", "community", "courtyard", "submitterName", "submitterPhone",
          "topic", "scope", "jurisdiction", "crossJurisdiction", "affectedHouseholds", "coSigners",
          "stakeholderParties", "estimatedCost", "usesCollectiveFunds", "safetyHazard", "legacyIssue");
  static final Set<String> EVALUATION_FIELDS = Set.of("rating", "comment", "submitterPhone");

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final PublicProposals proposals;

  public ProposalController(PublicProposals proposals) {
    this.proposals = proposals;
  }

  @PostMapping(value = "/api/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PublicProposal> submit(
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      @RequestBody(required = false) byte[] body) {
    Map<String, Object> fields = parse(contentType, body, SUBMISSION_FIELDS);
    PublicProposal created = proposals.submit(fields);
    return ResponseEntity.created(URI.create("/api/proposals/" + created.number())).body(created);
  }

  @GetMapping(value = "/api/proposals/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  public PublicProposal find(@PathVariable String number) {
    return proposals.find(number).orElseThrow(() -> new UnknownProposalException(number));
  }

  @PostMapping(value = "/api/proposals/{number}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
  public PublicProposal evaluate(
      @PathVariable String number,
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      @RequestBody(required = false) byte[] body) {
    Map<String, Object> fields = parse(contentType, body, EVALUATION_FIELDS);
    List<FieldError> errors = new ArrayList<>();
    for (String field : EVALUATION_FIELDS) {
      Object value = fields.get(field);
      if (value != null && !(value instanceof String)) {
        errors.add(new FieldError(field, "须为文字"));
      }
    }
    if (fields.get("rating") == null) {
      errors.add(new FieldError("rating", "必填"));
    }
    if (fields.get("submitterPhone") == null) {
      errors.add(new FieldError("submitterPhone", "必填"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return proposals.evaluate(
        number, (String) fields.get("rating"), (String) fields.get("comment"), (String) fields.get("submitterPhone"));
  }

  /** A JSON object with only the allowed fields, numbers kept as sent (so 1.5 stays a fraction). */
  static Map<String, Object> parse(String contentType, byte[] body, Set<String> allowed) {
    if (contentType == null || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
      throw new UnsupportedBodyException();
    }
    if (body != null && body.length > MAX_BODY) {
      throw new BodyTooLargeException();
    }
    JsonNode node;
    try {
      node = body == null ? null : JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new InvalidProposalException(List.of(new FieldError("body", "不是有效的 JSON：" + e.getMessage().lines().findFirst().orElse(""))));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidProposalException(List.of(new FieldError("body", "须为 JSON 对象")));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      if ("exclusion".equals(e.getKey())) {
        errors.add(new FieldError(e.getKey(), "不可议事由由分拣的社区工作者确定，提案人不能填写"));
        return;
      }
      if (!allowed.contains(e.getKey())) {
        errors.add(new FieldError(e.getKey(), "未知字段"));
        return;
      }
      JsonNode v = e.getValue();
      Object value;
      if (v.isNull()) {
        value = null;
      } else if (v.isTextual()) {
        value = v.textValue();
      } else if (v.isBoolean()) {
        value = v.booleanValue();
      } else if (v.isIntegralNumber()) {
        value = v.longValue();
      } else if (v.isNumber()) {
        value = v.decimalValue();
      } else {
        errors.add(new FieldError(e.getKey(), "类型不正确"));
        return;
      }
      fields.put(e.getKey(), value);
    });
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return fields;
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

  @ExceptionHandler(UnsupportedBodyException.class)
  ResponseEntity<ProblemDetail> unsupported(UnsupportedBodyException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求体须为 application/json"));
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "请求体不能超过 64 KB"));
  }

  static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static class UnsupportedBodyException extends RuntimeException {}

  static class BodyTooLargeException extends RuntimeException {}
}
