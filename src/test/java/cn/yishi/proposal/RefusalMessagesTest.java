package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.CORRECTION_REASON;
import static cn.yishi.proposal.ProposalLifecycleProcess.SAFETY_HAZARD;
import static cn.yishi.proposal.ProposalLifecycleProcess.SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.FormLabels;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a caseworker reads in Tasklist when the sorting form or the start form is refused (after
 * Tasklist's own "提交任务表单时出错"): the field by its label, values by their names, no key names, codes,
 * regular expressions or English.
 */
class RefusalMessagesTest {

  private static final Pattern TECHNICAL = Pattern.compile("[A-Za-z_]{2,}|\\^|\\\\d|\\[\\d");

  @Test
  void aCorrectionWithoutAReasonNamesTheReasonFieldAndTheChangeInChinese() {
    String change = FormLabels.shipped().change(TOPIC.name(), "NOISE", "CULTURE_SPORTS");
    InvalidProposalException refusal =
        new InvalidProposalException(
            List.of(
                new FieldError(
                    CORRECTION_REASON.name(),
                    SortingCheck.correctionWithoutReason(List.of(change)))));
    assertThat(refusal.getMessage())
        .isEqualTo("更正理由：议题由“整治类：噪声”改为“社区服务类：文体”，须写明理由")
        .doesNotContainPattern(TECHNICAL);
    assertThat(refusal.field()).isEqualTo(CORRECTION_REASON.name());
    assertThat(refusal.errors().get(0).message()).doesNotStartWith("更正理由");
  }

  @Test
  void severalCorrectionsAreListed() {
    FormLabels labels = FormLabels.shipped();
    assertThat(
            SortingCheck.correctionWithoutReason(
                List.of(
                    labels.change(SCOPE.name(), "BUILDING", "COMMUNITY"),
                    labels.change(SAFETY_HAZARD.name(), "false", true))))
        .isEqualTo("影响范围由“一栋楼”改为“整个社区”；存在紧迫的安全隐患由“否”改为“是”，须写明理由");
  }

  @Test
  void aStartFormRefusalNamesEveryFieldByItsLabel() {
    InvalidProposalException refusal =
        new InvalidProposalException(
            List.of(
                new FieldError(SUBMITTER_PHONE.name(), ProposalFields.MOBILE_MESSAGE),
                new FieldError(TITLE.name(), "必填")));
    assertThat(refusal.getMessage())
        .isEqualTo("提案人手机号：须为11位手机号码（1开头，第二位3至9）；提案标题：必填")
        .doesNotContainPattern(TECHNICAL);
  }
}
