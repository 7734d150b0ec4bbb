package cn.yishi.implementation;

import static cn.yishi.implementation.ImplementationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Department;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.summons.DepartmentCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>As a {@code complete} task listener it checks what the form cannot: the parts ({@value
 * ImplementationVariables#IMPLEMENTERS}, a checklist; a single {@value
 * ImplementationVariables#IMPLEMENTER} is read as one part) are at least one of {@value
 * ImplementationVariables#SELF}, {@value ImplementationVariables#RESIDENTS}, {@value
 * ImplementationVariables#DEPARTMENTS}, and departments to summon (吹哨报到) are at least one known
 * department. It keeps the parts ({@value ImplementationVariables#IMPLEMENTERS}, in a fixed order),
 * {@value ImplementationVariables#SUMMONED_DEPARTMENTS} (a plain list of codes, empty unless
 * departments carry out a part; what {@code departmentSummons} iterates over), and {@value
 * ImplementationVariables#IMPLEMENTER} as the parts' codes joined by commas. {@link
 * #parts(DelegateExecution)} is the collection of the multi-instance 分工落实.
 *
 * <p>{@link #departmentOptions()} gives the checklist's choices from the organisation data, so
 * that the form lists no department by hand.
 */
@DiagramCallable
@Component("implementerChoice")
public class ImplementerChoice implements TaskListener {

  /** The parts in the order they are shown and joined. */
  private static final List<String> IMPLEMENTERS_IN_ORDER = List.of(SELF, RESIDENTS, DEPARTMENTS);
  private static final Set<String> KNOWN = Set.copyOf(IMPLEMENTERS_IN_ORDER);
  static final int MAX_DEPARTMENTS_TASK = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrganisationService organisation;

  public ImplementerChoice(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> chosen = DepartmentCodes.of(task.getVariable(IMPLEMENTERS));
    if (chosen.isEmpty()) {
      chosen = DepartmentCodes.of(task.getVariable(IMPLEMENTER));
    }
    if (chosen.isEmpty()) {
      throw new InvalidStepInputException(IMPLEMENTERS, "请选择落实方（可多选）");
    }
    for (String implementer : chosen) {
      if (!KNOWN.contains(implementer)) {
        throw new InvalidStepInputException(IMPLEMENTERS, "未知的落实方：" + implementer);
      }
    }
    List<String> parts = IMPLEMENTERS_IN_ORDER.stream().filter(chosen::contains).toList();
    List<String> departments = List.of();
    if (parts.contains(DEPARTMENTS)) {
      departments = DepartmentCodes.of(task.getVariable(SUMMONED_DEPARTMENTS));
      if (departments.isEmpty()) {
        throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "由职能部门落实时，请至少选择一个职能部门");
      }
      for (String code : departments) {
        if (organisation.findDepartment(code).isEmpty()) {
          throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
        }
      }
      Object departmentsTask = task.getVariable(DEPARTMENTS_TASK);
      if (departmentsTask != null && departmentsTask.toString().length() > MAX_DEPARTMENTS_TASK) {
        throw new InvalidStepInputException(DEPARTMENTS_TASK, "职能部门承担的事项不能超过" + MAX_DEPARTMENTS_TASK + "字");
      }
      if (departmentsTask == null || departmentsTask.toString().isBlank()) {
        task.getExecution().setVariable(DEPARTMENTS_TASK, task.getVariable(RESOLUTION));
      }
    }
    task.getExecution().setVariable(IMPLEMENTERS, new ArrayList<>(parts));
    task.getExecution().setVariable(IMPLEMENTER, String.join(",", parts));
    task.getExecution().setVariable(SUMMONED_DEPARTMENTS, new ArrayList<>(departments));
  }

  /**
   * The parts to carry out, one multi-instance of 分工落实 each ({@code
   * ${implementerChoice.parts(execution)}}): the chosen {@value ImplementationVariables#IMPLEMENTERS},
   * or a preset {@value ImplementationVariables#IMPLEMENTER} (a department order: {@value
   * ImplementationVariables#DEPARTMENTS}), in the order self, residents, departments.
   */
  public List<String> parts(DelegateExecution execution) {
    List<String> chosen = DepartmentCodes.of(execution.getVariable(IMPLEMENTERS));
    if (chosen.isEmpty()) {
      chosen = DepartmentCodes.of(execution.getVariable(IMPLEMENTER));
    }
    List<String> parts = new ArrayList<>(IMPLEMENTERS_IN_ORDER.stream().filter(chosen::contains).toList());
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
}
