package cn.yishi.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Staff read fields by their labels in the forms and values by their names, never by code. */
class FormLabelsTest {

  private final FormLabels labels = FormLabels.shipped();

  @Test
  void fieldsAreNamedByTheirLabelInTheFormWithoutTheTrailingNote() {
    assertThat(labels.label("correctionReason")).isEqualTo("更正理由");
    assertThat(labels.label("topic")).isEqualTo("议题");
    assertThat(labels.label("sortingNote")).isEqualTo("告知提案人的说明");
    assertThat(labels.label("submitterPhone")).isEqualTo("提案人手机号");
    assertThat(labels.label("noSuchField")).isNull();
    assertThat(FormLabels.shorten("事项归属（三事分流，自动）")).isEqualTo("事项归属");
    assertThat(FormLabels.shorten("（全部在括号里）")).isEqualTo("（全部在括号里）");
  }

  @Test
  void valuesAreNamedByTheirOptionInTheForm() {
    assertThat(labels.valueName("topic", "NOISE")).isEqualTo("整治类：噪声");
    assertThat(labels.valueName("scope", "BUILDING")).isEqualTo("一栋楼");
    assertThat(labels.valueName("safetyHazard", "true")).isEqualTo("是");
    assertThat(labels.valueName("safetyHazard", false)).isEqualTo("否");
    assertThat(labels.valueName("affectedHouseholds", 60)).isEqualTo("60");
    assertThat(labels.valueName("topic", null)).isEqualTo("空");
  }

  @Test
  void aRefusalNamesItsFieldOnce() {
    assertThat(labels.named("affectedHouseholds", "须在1到1000000之间"))
        .isEqualTo("受影响户数：须在1到1000000之间");
    assertThat(labels.named("sortingNote", "请填写告知提案人的说明")).isEqualTo("请填写告知提案人的说明");
    assertThat(labels.named("noSuchField", "请填写整数")).isEqualTo("请填写整数");
    // labelled differently in different forms: the refusal's own words must name it
    assertThat(labels.named("meetingPlan", "内容不能超过5000字")).isEqualTo("内容不能超过5000字");
    assertThat(new InvalidStepInputException("stakeholderParties", "请填写整数").getMessage())
        .isEqualTo("利益相关方数量：请填写整数");
  }

  @Test
  void aChangeIsToldInStaffWords() {
    assertThat(labels.change("topic", "NOISE", "CULTURE_SPORTS"))
        .isEqualTo("议题由“整治类：噪声”改为“社区服务类：文体”");
    assertThat(labels.change("legacyIssue", "false", true)).isEqualTo("历史遗留问题由“否”改为“是”");
  }
}
