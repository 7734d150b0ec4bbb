package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalStatusVariables.*;
import static cn.yishi.proposal.ProposalVariables.*;

import java.util.Map;

/**
 * What the submitter is told when their proposal's status changes (办理流程即时通知), in Chinese.
 * A proposal that is not deliberated always says why and where to go instead (DOMAIN.md §1).
 */
public final class ProposalStatusMessages {

  private ProposalStatusMessages() {}

  /**
   * The message for a status, from the proposal's variables ({@code number}, {@code title},
   * {@code route}, {@code exclusion}, {@code rejectionReason}, {@code selfHelpGuidance}).
   */
  public static String forStatus(ProposalStatus status, Map<String, ?> variables) {
    String proposal = "您的提案《" + text(variables, ProposalVariables.TITLE, "") + "》（编号 "
        + text(variables, NUMBER, "") + "）";
    String route = text(variables, ProposalVariables.ROUTE, null);
    return switch (status) {
      case SORTING -> proposal + "已受理，社区工作者正在分拣。";
      case UNDER_REVIEW -> proposal + "已通过分拣，正在逐级审议。";
      case IN_DELIBERATION -> proposal + "已进入协商议事程序。";
      case IN_IMPLEMENTATION -> ROUTE_DEPARTMENT_ORDER.equals(route)
          ? proposal + "属于职能部门的法定职责，已转交相关部门办理。"
          : proposal + "已形成协商方案，正在组织落实。";
      case IN_NOTICE -> proposal + "正在公示，公示期内可在公示栏查看并提出意见。";
      case AWAITING_EVALUATION -> proposal + "已办理完毕，请对办理结果进行评价（满意、基本满意、不满意）。";
      case CLOSED -> proposal + "已办结，感谢您参与社区协商议事。";
      case SELF_HELP -> proposal + "属于家庭自身事务（家里事），不纳入协商议事，建议自行处理。"
          + guidance(variables);
      case REDIRECTED -> proposal + "不纳入协商议事。" + redirection(route);
      case REJECTED -> proposal + "未予采纳。理由：" + rejectionReason(variables) + "。如有疑问，可向社区咨询。";
    };
  }

  /** Where a redirected proposal goes, by the eligibility route. */
  static String redirection(String route) {
    if (ROUTE_EXISTING_PROCEDURE.equals(route)) {
      return "该事项已进入诉讼、仲裁或信访等程序，请通过诉讼、仲裁、信访等既有程序继续办理。";
    }
    if (ROUTE_MEDIATION.equals(route)) {
      return "该事项属于个人之间的纠纷，请通过人民调解解决，可向社区人民调解委员会申请调解。";
    }
    return "请通过相关既有渠道办理，可向社区咨询具体去向。";
  }

  /** The reason given, else the eligibility's explanation of the exclusion. */
  static String rejectionReason(Map<String, ?> variables) {
    String reason = text(variables, REJECTION_REASON, null);
    if (reason != null) {
      return reason;
    }
    String exclusion = text(variables, ProposalVariables.EXCLUSION, null);
    if ("UNLAWFUL".equals(exclusion)) {
      return "提案事项违反法律法规或政策规定";
    }
    if ("PRIVACY".equals(exclusion)) {
      return "提案事项涉及个人隐私或秘密";
    }
    return "提案事项不属于协商议事范围";
  }

  private static String guidance(Map<String, ?> variables) {
    String guidance = text(variables, SELF_HELP_GUIDANCE, null);
    return guidance == null ? "" : "办理指引：" + guidance;
  }

  private static String text(Map<String, ?> variables, String name, String otherwise) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return otherwise;
    }
    return value.toString().trim();
  }
}
