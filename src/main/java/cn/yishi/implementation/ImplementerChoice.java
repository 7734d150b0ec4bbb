package cn.yishi.implementation;

import static cn.yishi.common.CommonVariables.IMPLEMENTER;
import static cn.yishi.common.CommonVariables.RESOLUTION;
import static cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS;
import static cn.yishi.implementation.ImplementationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import cn.yishi.organisation.Department;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.summons.DepartmentCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The step 指定落实分工 (who carries out which part of the adopted plan), as the bean {@code
 * implementerChoice}.
 *
 * <p>As a {@code complete} task listener it checks ({@link StepCheck}) what the form cannot: the
 * parts ({@code implementers}, a checklist; a single {@code implementer} is read as one part) are
 * at least one of {@link ImplementationProcess#SELF}, {@link ImplementationProcess#RESIDENTS},
 * {@link ImplementationProcess#DEPARTMENTS}, and departments to summon (吹哨报到) are at least one
 * known department. It keeps the parts ({@code implementers}, in a fixed order), {@code
 * summonedDepartments} (a plain list of codes, empty unless departments carry out a part; what
 * {@code departmentSummons} iterates over), and {@code implementer} as the parts' codes joined by
 * commas. {@link #parts(DelegateExecution)} is the collection of the multi-instance 分工落实.
 *
 * <p>{@link #departmentOptions()} gives the checklist's choices from the organisation data, so that
 * the form lists no department by hand.
 */
@DiagramCallable
@Component("implementerChoice")
public class ImplementerChoice implements TaskListener {

  static final int MAX_DEPARTMENTS_TASK = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrganisationService organisation;

  public ImplementerChoice(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    List<String> chosen = chosen(check.raw(IMPLEMENTERS), check.raw(IMPLEMENTER));
    check.rule(!chosen.isEmpty(), IMPLEMENTERS, "请选择落实方（可多选）");
    for (String implementer : chosen) {
      check.rule(PARTS_IN_ORDER.contains(implementer), IMPLEMENTERS, "未知的落实方：" + implementer);
    }
    List<String> parts = inOrder(chosen);
    List<String> departments = List.of();
    DelegateExecution execution = task.getExecution();
    if (parts.contains(DEPARTMENTS)) {
      departments = DepartmentCodes.of(check.raw(SUMMONED_DEPARTMENTS));
      check.rule(!departments.isEmpty(), SUMMONED_DEPARTMENTS, "由职能部门落实时，请至少选择一个职能部门");
      for (String code : departments) {
        check.rule(
            organisation.findDepartment(code).isPresent(), SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
      }
      String departmentsTask =
          check.optionalText(
              DEPARTMENTS_TASK, MAX_DEPARTMENTS_TASK, "职能部门承担的事项不能超过" + MAX_DEPARTMENTS_TASK + "字");
      if (departmentsTask == null) {
        DEPARTMENTS_TASK.set(execution, RESOLUTION.get(task));
      }
    }
    IMPLEMENTERS.set(execution, new ArrayList<>(parts));
    IMPLEMENTER.set(execution, String.join(",", parts));
    SUMMONED_DEPARTMENTS.set(execution, new ArrayList<>(departments));
  }

  /**
   * The parts to carry out, one multi-instance of 分工落实 each ({@code
   * ${implementerChoice.parts(execution)}}): the chosen {@code implementers}, or a preset {@code
   * implementer} (a department order: {@link ImplementationProcess#DEPARTMENTS}), in the order
   * self, residents, departments.
   */
  public List<String> parts(DelegateExecution execution) {
    List<String> chosen = chosen(IMPLEMENTERS.get(execution), IMPLEMENTER.get(execution));
    List<String> parts = new ArrayList<>(inOrder(chosen));
    if (parts.isEmpty()) {
      throw new IllegalStateException("implementation has no part to carry out: " + chosen);
    }
    return parts;
  }

  /** The checklist's choices, {@code [{"label": 中文名, "value": code}, …]}, as a JSON variable. */
  public SpinJsonNode departmentOptions() {
    List<Map<String, String>> options = new ArrayList<>();
    for (Department department : organisation.departments()) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", department.name());
      option.put("value", department.code());
      options.add(option);
    }
    try {
      return Spin.JSON(JSON.writeValueAsString(options));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the department options", e);
    }
  }

  /** The parts chosen in the checklist, else the single (or preset) implementer. */
  private static List<String> chosen(Object implementers, Object implementer) {
    List<String> chosen = DepartmentCodes.of(implementers);
    return chosen.isEmpty() ? DepartmentCodes.of(implementer) : chosen;
  }

  private static List<String> inOrder(List<String> chosen) {
    return PARTS_IN_ORDER.stream().filter(chosen::contains).toList();
  }
}
