package cn.yishi.summons;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.InvalidStepInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a list of department codes from a process variable, whatever shape it arrived in: a {@link
 * Collection} or array (set by Java or the REST API), a Spin JSON array (what a Camunda Forms
 * checklist submits through Tasklist), a JSON array string, codes separated by commas or spaces, or
 * nothing. The multi-instance of {@code departmentSummons} needs a real {@link List}.
 */
public final class DepartmentCodes {

  private DepartmentCodes() {}

  /**
   * The codes, trimmed, blanks and duplicates dropped, in the order given; never null.
   *
   * @throws InvalidStepInputException naming {@code summonedDepartments} when text that starts like
   *     a JSON array is not one
   */
  public static List<String> of(Object value) {
    List<String> codes = new ArrayList<>();
    if (value == null) {
      return codes;
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(code -> add(codes, code));
    } else if (value instanceof Object[] array) {
      Arrays.stream(array).forEach(code -> add(codes, code));
    } else if (value instanceof SpinJsonNode json) {
      addJson(codes, json);
    } else if (value instanceof String text && text.trim().startsWith("[")) {
      try {
        addJson(codes, Spin.JSON(text));
      } catch (SpinRuntimeException e) {
        throw new InvalidStepInputException(
            CommonVariables.SUMMONED_DEPARTMENTS.name(), "职能部门列表格式不正确");
      }
    } else {
      // a department code never contains a comma or a space (organisation data)
      for (String part : value.toString().split("[,，\\s]+")) {
        add(codes, part);
      }
    }
    return codes;
  }

  private static void addJson(List<String> codes, SpinJsonNode json) {
    if (json.isArray()) {
      json.elements()
          .forEach(
              element ->
                  add(codes, element.isString() ? element.stringValue() : element.toString()));
    } else if (json.isString()) {
      add(codes, json.stringValue());
    }
  }

  private static void add(List<String> codes, Object code) {
    if (code == null) {
      return;
    }
    String text = code.toString().trim();
    if (!text.isEmpty() && !codes.contains(text)) {
      codes.add(text);
    }
  }
}
