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
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The step 指定落实方 (who carries out the adopted plan), as the bean {@code implementerChoice}.
 *
 * <p>As a {@code complete} task listener it checks what the form cannot: an implementer is one of
 * {@value ImplementationVariables#SELF}, {@value ImplementationVariables#RESIDENTS}, {@value
 * ImplementationVariables#DEPARTMENTS}, and departments to summon (吹哨报到) are at least one
 * known department. The checklist may arrive in any shape {@link DepartmentCodes} reads; it is
 * stored as a plain list of codes, which is what {@code departmentSummons} iterates over.
 *
 * <p>{@link #departmentOptions()} gives the checklist's choices from the organisation data, so
 * that the form lists no department by hand.
 */
@DiagramCallable
@Component("implementerChoice")
public class ImplementerChoice implements TaskListener {

  private static final Set<String> IMPLEMENTERS = Set.of(SELF, RESIDENTS, DEPARTMENTS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrganisationService organisation;

  public ImplementerChoice(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    Object implementer = task.getVariable(IMPLEMENTER);
    if (implementer == null || implementer.toString().isBlank()) {
      throw new InvalidStepInputException(IMPLEMENTER, "请选择落实方");
    }
    if (!IMPLEMENTERS.contains(implementer.toString())) {
      throw new InvalidStepInputException(IMPLEMENTER, "未知的落实方：" + implementer);
    }
    if (!DEPARTMENTS.equals(implementer.toString())) {
      return;
    }
    List<String> departments = DepartmentCodes.of(task.getVariable(SUMMONED_DEPARTMENTS));
    if (departments.isEmpty()) {
      throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "由职能部门落实时，请至少选择一个职能部门");
    }
    for (String code : departments) {
      if (organisation.findDepartment(code).isEmpty()) {
        throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
      }
    }
    task.getExecution().setVariable(SUMMONED_DEPARTMENTS, departments);
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
