package cn.yishi.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.InvalidStepInputException;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The department checklist arrives in whatever shape the client sends; the process gets a plain list. */
class ImplementerChoiceTest {

  @Test
  void tasklistJsonArrayBecomesAListWithoutRepeats() {
    assertThat(ImplementerChoice.departmentCodes(Spin.JSON("[\"dept-police\", \"dept-fire\", \"dept-police\"]")))
        .containsExactly("dept-police", "dept-fire");
  }

  @Test
  void restClientsMaySendAListAnArrayOrText() {
    assertThat(ImplementerChoice.departmentCodes(List.of("dept-water", " ", "dept-river ")))
        .containsExactly("dept-water", "dept-river");
    assertThat(ImplementerChoice.departmentCodes(new String[] {"dept-civil"})).containsExactly("dept-civil");
    assertThat(ImplementerChoice.departmentCodes("dept-water, dept-river，dept-finance"))
        .containsExactly("dept-water", "dept-river", "dept-finance");
    assertThat(ImplementerChoice.departmentCodes("[\"dept-market\"]")).containsExactly("dept-market");
  }

  @Test
  void nothingChosenIsAnEmptyList() {
    assertThat(ImplementerChoice.departmentCodes(null)).isEmpty();
    assertThat(ImplementerChoice.departmentCodes("")).isEmpty();
    assertThat(ImplementerChoice.departmentCodes(Spin.JSON("[]"))).isEmpty();
  }

  @Test
  void brokenJsonTextIsRefusedWithAChineseMessage() {
    assertThatThrownBy(() -> ImplementerChoice.departmentCodes("[\"dept-market\""))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessage("职能部门列表格式不正确");
  }
}
