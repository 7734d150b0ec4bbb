package cn.yishi.proposal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The public status of a proposal (CONTRACT §4), with the Chinese label residents see. The path:
 * SORTING → UNDER_REVIEW → IN_DELIBERATION → IN_IMPLEMENTATION → IN_NOTICE → AWAITING_EVALUATION →
 * CLOSED; ends without deliberation: SELF_HELP, REDIRECTED, REJECTED.
 */
public enum ProposalStatus {
  SORTING("分拣中"),
  UNDER_REVIEW("审议中"),
  IN_DELIBERATION("协商中"),
  IN_IMPLEMENTATION("落实中"),
  IN_NOTICE("公示中"),
  AWAITING_EVALUATION("待评价"),
  CLOSED("已办结"),
  SELF_HELP("自行处理"),
  REDIRECTED("已转其他渠道"),
  REJECTED("不予采纳");

  private final String label;

  ProposalStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status of that name; fails naming the unknown value and the known ones. */
  public static ProposalStatus of(String name) {
    if (name != null) {
      for (ProposalStatus status : values()) {
        if (status.name().equals(name.trim())) {
          return status;
        }
      }
    }
    throw new UnknownProposalStatusException(
        "未知的提案状态 '" + name + "'（可用："
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + "）");
  }
}
