package cn.yishi.summons;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(DepartmentCodes.of(Arrays.asList(" dept-fire ", "", null, "dept-civil", "dept-fire")))
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
}
