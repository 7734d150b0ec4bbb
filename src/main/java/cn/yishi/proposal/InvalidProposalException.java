package cn.yishi.proposal;

import cn.yishi.common.FormLabels;
import cn.yishi.common.InvalidStepInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A proposal refused at intake or sorting; names every bad field. Nothing is started or saved. The
 * message is for staff ("提案人手机号：须为11位手机号码…；议题：必填", each field by its form label); the API answers
 * with {@link #errors()} (CONTRACT field names, the messages without labels).
 */
public class InvalidProposalException extends InvalidStepInputException {

  private final List<FieldError> errors;

  public InvalidProposalException(List<FieldError> errors) {
    super(
        errors.get(0).field(),
        errors.stream()
            .map(e -> FormLabels.shipped().named(e.field(), e.message()))
            .collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
