package cn.yishi.organisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded, validated, immutable organisation: the unit tree and the departments. */
public final class Organisation {

  private final Unit district;
  private final Map<String, Unit> units;
  private final Map<String, Department> departments;
  private final OrganisationTree tree;

  Organisation(Unit district, List<Department> departments) {
    district.freeze();
    this.district = district;
    Map<String, Unit> index = new LinkedHashMap<>();
    collect(district, index);
    this.units = Collections.unmodifiableMap(index);
    Map<String, Department> depts = new LinkedHashMap<>();
    departments.forEach(d -> depts.put(d.code(), d));
    this.departments = Collections.unmodifiableMap(depts);
    this.tree = OrganisationTree.of(district, List.copyOf(departments));
  }

  private static void collect(Unit unit, Map<String, Unit> index) {
    index.put(unit.code(), unit);
    unit.children().forEach(child -> collect(child, index));
  }

  public Unit district() {
    return district;
  }

  /** Every unit, depth first from the district (parents before their children). */
  public List<Unit> units() {
    return List.copyOf(units.values());
  }

  public List<Unit> unitsAt(UnitLevel level) {
    List<Unit> result = new ArrayList<>();
    for (Unit unit : units.values()) {
      if (unit.level() == level) {
        result.add(unit);
      }
    }
    return result;
  }

  public Optional<Unit> findUnit(String code) {
    return Optional.ofNullable(code == null ? null : units.get(code));
  }

  public List<Department> departments() {
    return List.copyOf(departments.values());
  }

  public Optional<Department> findDepartment(String code) {
    return Optional.ofNullable(code == null ? null : departments.get(code));
  }

  /** The document shape: district with children, departments beside it. */
  public OrganisationTree tree() {
    return tree;
  }
}
