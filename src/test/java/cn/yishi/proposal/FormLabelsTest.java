package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.MEETING_PLAN;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.proposal.ProposalLifecycleProcess.AFFECTED_HOUSEHOLDS;
import static cn.yishi.proposal.ProposalLifecycleProcess.CORRECTION_REASON;
import static cn.yishi.proposal.ProposalLifecycleProcess.LEGACY_ISSUE;
import static cn.yishi.proposal.ProposalLifecycleProcess.MATTER_SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SAFETY_HAZARD;
import static cn.yishi.proposal.ProposalLifecycleProcess.SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTING_NOTE;
import static cn.yishi.proposal.ProposalLifecycleProcess.STAKEHOLDER_PARTIES;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.FormLabels;
import cn.yishi.common.StepCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff read fields by their labels in the forms and values by their names, never by key or code
 * ({@link FormLabels}, here with the proposal's fields).
 */
class FormLabelsTest {

  private final FormLabels labels = FormLabels.shipped();

  @Test
  void fieldsAreNamedByTheirLabelInTheFormWithoutTheTrailingNote() {
    assertThat(labels.label(CORRECTION_REASON.name())).isEqualTo("更正理由");
    assertThat(labels.label(TOPIC.name())).isEqualTo("议题");
    assertThat(labels.label(SORTING_NOTE.name())).isEqualTo("告知提案人的说明");
    assertThat(labels.label(SUBMITTER_PHONE.name())).isEqualTo("提案人手机号");
    assertThat(labels.label(MATTER_SCOPE.name())).isEqualTo("事项归属");
    assertThat(labels.label("noSuchField")).isNull();
  }

  @Test
  void valuesAreNamedByTheirOptionInTheForm() {
    assertThat(labels.valueName(TOPIC.name(), "NOISE")).isEqualTo("整治类：噪声");
    assertThat(labels.valueName(SCOPE.name(), "BUILDING")).isEqualTo("一栋楼");
    assertThat(labels.valueName(SAFETY_HAZARD.name(), "true")).isEqualTo("是");
    assertThat(labels.valueName(SAFETY_HAZARD.name(), false)).isEqualTo("否");
    assertThat(labels.valueName(AFFECTED_HOUSEHOLDS.name(), 60)).isEqualTo("60");
    assertThat(labels.valueName(TOPIC.name(), null)).isEqualTo("空");
  }

  @Test
  void aRefusalNamesItsFieldOnce() {
    assertThat(labels.named(AFFECTED_HOUSEHOLDS.name(), "须在1到1000000之间"))
        .isEqualTo("受影响户数：须在1到1000000之间");
    assertThat(labels.named(SORTING_NOTE.name(), "请填写告知提案人的说明")).isEqualTo("请填写告知提案人的说明");
    assertThat(labels.named("noSuchField", "请填写整数")).isEqualTo("请填写整数");
    // labelled differently in different forms: the refusal's own words must name it
    assertThat(labels.named(MEETING_PLAN.name(), "内容不能超过5000字")).isEqualTo("内容不能超过5000字");
    // StepCheck's own generic words are named; a step's own words are left as written
    StepCheck check = StepCheck.of(Map.of(STAKEHOLDER_PARTIES.name(), "很多"));
    assertThatThrownBy(() -> check.integer(STAKEHOLDER_PARTIES, 1, 1000, "请填写利益相关方数量"))
        .hasMessage("利益相关方数量：请填写整数");
    assertThatThrownBy(() -> check.rule(false, STAKEHOLDER_PARTIES, "利益相关方至少一方"))
        .hasMessage("利益相关方至少一方");
  }

  @Test
  void aChangeIsToldInStaffWords() {
    assertThat(labels.change(TOPIC.name(), "NOISE", "CULTURE_SPORTS"))
        .isEqualTo("议题由“整治类：噪声”改为“社区服务类：文体”");
    assertThat(labels.change(LEGACY_ISSUE.name(), "false", true)).isEqualTo("历史遗留问题由“否”改为“是”");
  }
}
