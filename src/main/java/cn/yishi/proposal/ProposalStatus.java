package cn.yishi.proposal;

import cn.yishi.proposal.ProposalLifecycleProcess.Route;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The public status of a proposal (CONTRACT §4), with the Chinese label residents see and what the
 * submitter is told when the proposal reaches it (办理流程即时通知). The path: SORTING → UNDER_REVIEW →
 * IN_DELIBERATION → IN_IMPLEMENTATION → IN_NOTICE → AWAITING_EVALUATION → CLOSED; ends without
 * deliberation: SELF_HELP, REDIRECTED, REJECTED. A proposal that is not deliberated is always told
 * why and where to go instead (DOMAIN.md §1).
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
        "未知的提案状态 '"
            + name
            + "'（可用："
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + "）");
  }

  /**
   * What the submitter of proposal {@code number} is told when it reaches this status, in Chinese.
   */
  public String message(String number, ProposalView.Facts facts) {
    String proposal = SUBMITTER_PREFIX + named(number, facts);
    String route = text(facts.route(), null);
    return switch (this) {
      case SORTING -> proposal + "已受理，社区工作者正在分拣。";
      case UNDER_REVIEW -> proposal + "已通过分拣，正在逐级审议。";
      case IN_DELIBERATION -> proposal + "已进入协商议事程序。";
      case IN_IMPLEMENTATION ->
          Route.DEPARTMENT_ORDER.equals(route)
              ? proposal + "属于职能部门的法定职责，已转交相关部门办理。"
              : proposal + "已形成协商方案，正在组织落实。";
      case IN_NOTICE -> proposal + "正在公示，公示期内可在公示栏查看并提出意见。";
      case AWAITING_EVALUATION -> proposal + "已办理完毕，请对办理结果进行评价（满意、基本满意、不满意）。";
      case CLOSED -> proposal + "已办结，感谢您参与社区协商议事。";
      case SELF_HELP ->
          proposal + "属于家庭自身事务（家里事），不纳入协商议事，建议自行处理。" + guidance(facts.selfHelpGuidance());
      case REDIRECTED -> proposal + "不纳入协商议事。" + redirection(route);
      case REJECTED -> proposal + "未予采纳。理由：" + rejectionReason(facts) + "。如有疑问，可向社区咨询。";
    };
  }

  /**
   * The message to a co-signing household about this status: the submitter's, about the proposal
   * they co-signed; only the submitter rates it.
   */
  public String coSignerMessage(String number, ProposalView.Facts facts) {
    if (this == AWAITING_EVALUATION) {
      return CO_SIGNER_PREFIX + named(number, facts) + "已办理完毕，等待提案人评价。";
    }
    String message = message(number, facts);
    return message.startsWith(SUBMITTER_PREFIX)
        ? CO_SIGNER_PREFIX + message.substring(SUBMITTER_PREFIX.length())
        : message;
  }

  /** The proposal as the messages name it: 《title》（编号 number）. */
  private static String named(String number, ProposalView.Facts facts) {
    return "《" + text(facts.title(), "") + "》（编号 " + text(number, "") + "）";
  }

  private static final String SUBMITTER_PREFIX = "您的提案";
  private static final String CO_SIGNER_PREFIX = "您联署的提案";

  /** Where a redirected proposal goes, by the eligibility route. */
  private static String redirection(String route) {
    if (Route.EXISTING_PROCEDURE.equals(route)) {
      return "该事项已进入诉讼、仲裁或信访等程序，请通过诉讼、仲裁、信访等既有程序继续办理。";
    }
    if (Route.MEDIATION.equals(route)) {
      return "该事项属于个人之间的纠纷，请通过人民调解解决，可向社区人民调解委员会申请调解。";
    }
    return "请通过相关既有渠道办理，可向社区咨询具体去向。";
  }

  /** The reason given, else the eligibility's explanation of the exclusion. */
  private static String rejectionReason(ProposalView.Facts facts) {
    String reason = text(facts.rejectionReason(), null);
    if (reason != null) {
      return reason;
    }
    String exclusion = text(facts.exclusion(), null);
    if ("UNLAWFUL".equals(exclusion)) {
      return "提案事项违反法律法规或政策规定";
    }
    if ("PRIVACY".equals(exclusion)) {
      return "提案事项涉及个人隐私或秘密";
    }
    return "提案事项不属于协商议事范围";
  }

  private static String guidance(String guidance) {
    String text = text(guidance, null);
    return text == null ? "" : "办理指引：" + text;
  }

  private static String text(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.trim();
  }
}
