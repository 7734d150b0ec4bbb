package cn.yishi.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The root of the data file and the body of {@code GET /api/organisation}: the district with its
 * children, and the departments beside it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "name", "level", "children", "departments"})
public record OrganisationTree(
    String code, String name, UnitLevel level, List<Unit> children, List<Department> departments) {

  static OrganisationTree of(Unit district, List<Department> departments) {
    return new OrganisationTree(
        district.code(), district.name(), district.level(), district.children(), departments);
  }
}
