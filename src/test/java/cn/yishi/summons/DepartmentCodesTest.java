package cn.yishi.summons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.InvalidStepInputException;
import java.util.Arrays;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The departments to summon arrive in several shapes; the multi-instance always gets a list. */
class DepartmentCodesTest {

  @Test
  void aTasklistChecklistJsonArrayBecomesAList() {
    assertThat(DepartmentCodes.of(Spin.JSON("[\"dept-river\", \"dept-water\"]")))
        .containsExactly("dept-river", "dept-water");
    assertThat(DepartmentCodes.of("[\"dept-police\"]")).containsExactly("dept-police");
  }

  @Test
  void blanksAndRepeatsAreDroppedAndTheOrderKept() {
    assertThat(
            DepartmentCodes.of(Arrays.asList(" dept-fire ", "", null, "dept-civil", "dept-fire")))
        .containsExactly("dept-fire", "dept-civil");
  }

  @Test
  void nothingChosenIsAnEmptyList() {
    assertThat(DepartmentCodes.of(null)).isEmpty();
    assertThat(DepartmentCodes.of(List.of())).isEmpty();
    assertThat(DepartmentCodes.of(Spin.JSON("[]"))).isEmpty();
  }

  @Test
  void aSingleCodeIsAListOfOne() {
    assertThat(DepartmentCodes.of("dept-market")).containsExactly("dept-market");
    assertThat(DepartmentCodes.of(Spin.JSON("\"dept-urban\""))).containsExactly("dept-urban");
  }

  @Test
  void tasklistJsonArrayBecomesAListWithoutRepeats() {
    assertThat(DepartmentCodes.of(Spin.JSON("[\"dept-police\", \"dept-fire\", \"dept-police\"]")))
        .containsExactly("dept-police", "dept-fire");
  }

  @Test
  void restClientsMaySendAListAnArrayOrText() {
    assertThat(DepartmentCodes.of(List.of("dept-water", " ", "dept-river ")))
        .containsExactly("dept-water", "dept-river");
    assertThat(DepartmentCodes.of(new String[] {"dept-civil"})).containsExactly("dept-civil");
    assertThat(DepartmentCodes.of("dept-water, dept-river，dept-finance"))
        .containsExactly("dept-water", "dept-river", "dept-finance");
    assertThat(DepartmentCodes.of("[\"dept-market\"]")).containsExactly("dept-market");
    assertThat(DepartmentCodes.of("")).isEmpty();
  }

  @Test
  void brokenJsonTextIsRefusedWithAChineseMessage() {
    assertThatThrownBy(() -> DepartmentCodes.of("[\"dept-market\""))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessage("职能部门列表格式不正确");
  }
}
