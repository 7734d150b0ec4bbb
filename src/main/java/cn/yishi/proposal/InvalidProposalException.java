package cn.yishi.proposal;

import cn.yishi.common.InvalidStepInputException;
import java.util.List;
import java.util.stream.Collectors;

/** A proposal refused at intake or sorting; names every bad field. Nothing is started or saved. */
public class InvalidProposalException extends InvalidStepInputException {

  private final List<FieldError> errors;

  public InvalidProposalException(List<FieldError> errors) {
    super(
        errors.get(0).field(),
        "提案信息有误："
            + errors.stream()
                .map(e -> e.field() + "：" + e.message())
                .collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
