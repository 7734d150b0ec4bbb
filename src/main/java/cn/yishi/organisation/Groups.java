package cn.yishi.organisation;

import cn.yishi.common.DiagramCallable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Group ids of the organisation, as the bean {@code groups} for BPMN expressions, e.g. {@code
 * camunda:candidateGroups="${groups.caseworkers(community)}"}. Every method fails with {@link
 * UnknownUnitException} naming the code when the unit does not exist or lacks the role.
 *
 * <p>Scheme: {@code <unitCode>.<role>} (roles: {@link Role}), {@code <deptCode>.department}, and
 * the global groups {@value #AUDITORS}, {@value #POLICY_STAFF}, {@value #CAMUNDA_ADMIN}.
 */
@DiagramCallable
@Component("groups")
public class Groups {

  public static final String AUDITORS = "auditors";
  public static final String POLICY_STAFF = "policy-staff";

  /** Created by the Camunda starter's admin user; has every permission. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final String TYPE = "WORKFLOW";
  public static final String DEPARTMENT_ROLE = "department";
  private static final String SEPARATOR = " · ";

  private final OrganisationService organisation;

  public Groups(OrganisationService organisation) {
    this.organisation = organisation;
  }

  /** Caseworkers of a unit (at a courtyard: the convenor of the courtyard group). */
  public String caseworkers(String unitCode) {
    return of(unitCode, Role.CASEWORKER);
  }

  /** The deliberating body of a unit (院落公共议事小组 … 区级联席会). */
  public String committee(String unitCode) {
    return of(unitCode, Role.COMMITTEE);
  }

  public String gridworkers(String communityCode) {
    return of(communityCode, Role.GRIDWORKER);
  }

  public String party(String communityCode) {
    return of(communityCode, Role.PARTY);
  }

  public String twoCommittees(String communityCode) {
    return of(communityCode, Role.TWO_COMMITTEES);
  }

  public String supervisors(String communityCode) {
    return of(communityCode, Role.SUPERVISOR);
  }

  public String department(String deptCode) {
    if (deptCode == null) {
      throw new UnknownUnitException("department code is null");
    }
    return departmentId(organisation.department(deptCode).code());
  }

  /** The group of {@code role} at unit {@code unitCode}. */
  public String of(String unitCode, Role role) {
    if (unitCode == null) {
      throw new UnknownUnitException("unit code is null (looking for its " + role.id() + " group)");
    }
    Unit unit = organisation.unit(unitCode);
    if (!role.appliesTo(unit.level())) {
      throw new UnknownUnitException(
          "unit '"
              + unitCode
              + "' ("
              + unit.name()
              + ", "
              + unit.level()
              + ") has no role '"
              + role.id()
              + "': only "
              + levelsOf(role)
              + " have it");
    }
    return id(unitCode, role);
  }

  /** The group id without checking that the unit exists. */
  public static String id(String unitCode, Role role) {
    return unitCode + "." + role.id();
  }

  /** The group id of a department's staff, without checking that the department exists. */
  public static String departmentId(String deptCode) {
    return deptCode + "." + DEPARTMENT_ROLE;
  }

  public static boolean isSupervisorGroup(String groupId) {
    return groupId != null && groupId.endsWith("." + Role.SUPERVISOR.id());
  }

  /** Every group the organisation defines (not {@value #CAMUNDA_ADMIN}), units first. */
  public List<GroupDefinition> definitions() {
    List<GroupDefinition> all = new ArrayList<>();
    for (Unit unit : organisation.units()) {
      for (Role role : Role.values()) {
        if (role.appliesTo(unit.level())) {
          all.add(
              new GroupDefinition(
                  id(unit.code(), role),
                  unit.displayName() + SEPARATOR + role.label(unit.level()),
                  TYPE,
                  GroupDefinition.Kind.UNIT,
                  unit.code(),
                  role));
        }
      }
    }
    for (Department department : organisation.departments()) {
      all.add(
          new GroupDefinition(
              departmentId(department.code()),
              department.name() + SEPARATOR + "职能部门",
              TYPE,
              GroupDefinition.Kind.DEPARTMENT,
              department.code(),
              null));
    }
    all.add(new GroupDefinition(AUDITORS, "审计监督人员", TYPE, GroupDefinition.Kind.GLOBAL, null, null));
    all.add(
        new GroupDefinition(
            POLICY_STAFF, "民政局政策人员", TYPE, GroupDefinition.Kind.GLOBAL, null, null));
    return all;
  }

  private static String levelsOf(Role role) {
    List<String> levels = new ArrayList<>();
    for (UnitLevel level : UnitLevel.values()) {
      if (role.appliesTo(level)) {
        levels.add(level.name());
      }
    }
    return String.join(", ", levels);
  }
}
