package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.proposal.ProposalLifecycleProcess.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the submitter is told at each status: always the proposal, and where it goes when not
 * deliberated.
 */
class ProposalStatusMessagesTest {

  private static final String NUMBER = "JN-2026-000123";

  private static ProposalView.Facts proposal() {
    return facts(null, null, null, null);
  }

  private static ProposalView.Facts facts(
      String route, String exclusion, String rejectionReason, String guidance) {
    return new ProposalView.Facts(
        "星辉中路6号院加装电梯",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        route,
        exclusion,
        rejectionReason,
        guidance,
        null);
  }

  @ParameterizedTest
  @EnumSource(ProposalStatus.class)
  void everyMessageNamesTheProposalByTitleAndNumber(ProposalStatus status) {
    assertThat(status.message(NUMBER, proposal()))
        .contains("《星辉中路6号院加装电梯》")
        .contains("JN-2026-000123");
  }

  @Test
  void sortingAndEvaluationSayWhatHappensNext() {
    assertThat(ProposalStatus.SORTING.message(NUMBER, proposal())).contains("已受理").contains("分拣");
    assertThat(ProposalStatus.AWAITING_EVALUATION.message(NUMBER, proposal()))
        .contains("评价")
        .contains("满意");
    assertThat(ProposalStatus.IN_NOTICE.message(NUMBER, proposal())).contains("公示");
  }

  @Test
  void rejectionGivesTheMeetingsReason() {
    assertThat(ProposalStatus.REJECTED.message(NUMBER, facts(null, null, "居民会议表决未通过", null)))
        .contains("未予采纳")
        .contains("理由：居民会议表决未通过");
  }

  @Test
  void rejectionWithoutReasonExplainsTheExclusion() {
    assertThat(ProposalStatus.REJECTED.message(NUMBER, facts("REJECT", "UNLAWFUL", null, null)))
        .contains("违反法律法规或政策");
    assertThat(ProposalStatus.REJECTED.message(NUMBER, facts("REJECT", "PRIVACY", null, null)))
        .contains("个人隐私");
  }

  @Test
  void redirectionSaysWhereToGo() {
    assertThat(
            ProposalStatus.REDIRECTED.message(
                NUMBER, facts(Route.EXISTING_PROCEDURE, null, null, null)))
        .contains("诉讼、仲裁、信访等既有程序");
    assertThat(ProposalStatus.REDIRECTED.message(NUMBER, facts(Route.MEDIATION, null, null, null)))
        .contains("人民调解");
  }

  @Test
  void selfHelpIncludesTheGuidance() {
    assertThat(
            ProposalStatus.SELF_HELP.message(
                NUMBER, facts(null, null, null, "可联系物业维修热线 028-12345678")))
        .contains("家里事")
        .contains("办理指引：可联系物业维修热线 028-12345678");
  }

  @Test
  void departmentOrderIsToldItWentToTheDepartment() {
    assertThat(
            ProposalStatus.IN_IMPLEMENTATION.message(
                NUMBER, facts(Route.DEPARTMENT_ORDER, null, null, null)))
        .contains("转交相关部门");
  }

  @Test
  void statusesAreExactlyTheContractsWithChineseLabels() {
    assertThat(ProposalStatus.values())
        .extracting(Enum::name)
        .containsExactly(
            "SORTING",
            "UNDER_REVIEW",
            "IN_DELIBERATION",
            "IN_IMPLEMENTATION",
            "IN_NOTICE",
            "AWAITING_EVALUATION",
            "CLOSED",
            "SELF_HELP",
            "REDIRECTED",
            "REJECTED");
    assertThat(ProposalStatus.values())
        .allSatisfy(s -> assertThat(s.label()).containsPattern("\\p{IsHan}"));
    assertThat(ProposalStatus.of("IN_NOTICE")).isEqualTo(ProposalStatus.IN_NOTICE);
  }

  @Test
  void unknownStatusFailsNamingIt() {
    assertThatThrownBy(() -> ProposalStatus.of("UNDER_REVEIW"))
        .isInstanceOf(UnknownProposalStatusException.class)
        .hasMessageContaining("UNDER_REVEIW")
        .hasMessageContaining("UNDER_REVIEW");
  }

  @Test
  void numbersArePrefixYearAndSixDigits() {
    assertThat(ProposalNumbers.format("JN", 2026, 123)).isEqualTo("JN-2026-000123");
    assertThat(ProposalNumbers.format("JN", 2027, 1)).isEqualTo("JN-2027-000001");
  }
}
