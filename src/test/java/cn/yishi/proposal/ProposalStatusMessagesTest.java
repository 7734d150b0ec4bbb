package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the submitter is told at each status: always the proposal, and where it goes when not deliberated. */
class ProposalStatusMessagesTest {

  private static Map<String, Object> proposal() {
    Map<String, Object> v = new HashMap<>();
    v.put(ProposalVariables.TITLE, "星辉中路6号院加装电梯");
    v.put(ProposalVariables.NUMBER, "JN-2026-000123");
    return v;
  }

  @ParameterizedTest
  @EnumSource(ProposalStatus.class)
  void everyMessageNamesTheProposalByTitleAndNumber(ProposalStatus status) {
    assertThat(ProposalStatusMessages.forStatus(status, proposal()))
        .contains("《星辉中路6号院加装电梯》")
        .contains("JN-2026-000123");
  }

  @Test
  void sortingAndEvaluationSayWhatHappensNext() {
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.SORTING, proposal())).contains("已受理").contains("分拣");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.AWAITING_EVALUATION, proposal()))
        .contains("评价").contains("满意");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.IN_NOTICE, proposal())).contains("公示");
  }

  @Test
  void rejectionGivesTheMeetingsReason() {
    Map<String, Object> v = proposal();
    v.put(ProposalVariables.REJECTION_REASON, "居民会议表决未通过");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.REJECTED, v))
        .contains("未予采纳").contains("理由：居民会议表决未通过");
  }

  @Test
  void rejectionWithoutReasonExplainsTheExclusion() {
    Map<String, Object> v = proposal();
    v.put(ProposalVariables.ROUTE, "REJECT");
    v.put(ProposalVariables.EXCLUSION, "UNLAWFUL");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.REJECTED, v)).contains("违反法律法规或政策");
    v.put(ProposalVariables.EXCLUSION, "PRIVACY");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.REJECTED, v)).contains("个人隐私");
  }

  @Test
  void redirectionSaysWhereToGo() {
    Map<String, Object> v = proposal();
    v.put(ProposalVariables.ROUTE, "EXISTING_PROCEDURE");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.REDIRECTED, v)).contains("诉讼、仲裁、信访等既有程序");
    v.put(ProposalVariables.ROUTE, "MEDIATION");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.REDIRECTED, v)).contains("人民调解");
  }

  @Test
  void selfHelpIncludesTheGuidance() {
    Map<String, Object> v = proposal();
    v.put(ProposalVariables.SELF_HELP_GUIDANCE, "可联系物业维修热线 028-12345678");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.SELF_HELP, v))
        .contains("家里事").contains("办理指引：可联系物业维修热线 028-12345678");
  }

  @Test
  void departmentOrderIsToldItWentToTheDepartment() {
    Map<String, Object> v = proposal();
    v.put(ProposalVariables.ROUTE, "DEPARTMENT_ORDER");
    assertThat(ProposalStatusMessages.forStatus(ProposalStatus.IN_IMPLEMENTATION, v)).contains("转交相关部门");
  }

  @Test
  void statusesAreExactlyTheContractsWithChineseLabels() {
    assertThat(ProposalStatus.values())
        .extracting(Enum::name)
        .containsExactly(
            "SORTING", "UNDER_REVIEW", "IN_DELIBERATION", "IN_IMPLEMENTATION", "IN_NOTICE",
            "AWAITING_EVALUATION", "CLOSED", "SELF_HELP", "REDIRECTED", "REJECTED");
    assertThat(ProposalStatus.values()).allSatisfy(s -> assertThat(s.label()).containsPattern("\\p{IsHan}"));
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
