package cn.yishi.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The roles a unit has. Group id: {@code <unitCode>.<id>}, e.g. {@code jn-jld-jldbl.caseworker}.
 * Departments have the single role {@code department} ({@code <deptCode>.department}), see {@link
 * Groups#department(String)}.
 */
public enum Role {
  /** Staff handling the level's tasks; at a courtyard, the convenor of the courtyard group. */
  CASEWORKER(
      "caseworker",
      EnumSet.allOf(UnitLevel.class),
      Map.of(
          UnitLevel.DISTRICT, "工作人员",
          UnitLevel.STREET, "工作人员",
          UnitLevel.COMMUNITY, "社区工作者",
          UnitLevel.COURTYARD, "议事小组召集人")),
  /** The body that deliberates at the level. */
  COMMITTEE(
      "committee",
      EnumSet.allOf(UnitLevel.class),
      Map.of(
          UnitLevel.DISTRICT, "区级社区提案工作联席会",
          UnitLevel.STREET, "街道公共事务议事委员会",
          UnitLevel.COMMUNITY, "社区公共议事专委会",
          UnitLevel.COURTYARD, "院落公共议事小组")),
  GRIDWORKER("gridworker", EnumSet.of(UnitLevel.COMMUNITY), Map.of(UnitLevel.COMMUNITY, "网格员")),
  PARTY("party", EnumSet.of(UnitLevel.COMMUNITY), Map.of(UnitLevel.COMMUNITY, "社区党委（党支部）")),
  TWO_COMMITTEES(
      "twocommittees", EnumSet.of(UnitLevel.COMMUNITY), Map.of(UnitLevel.COMMUNITY, "社区两委")),
  SUPERVISOR("supervisor", EnumSet.of(UnitLevel.COMMUNITY), Map.of(UnitLevel.COMMUNITY, "居务监督委员会"));

  private final String id;
  private final Set<UnitLevel> levels;
  private final Map<UnitLevel, String> labels;

  Role(String id, Set<UnitLevel> levels, Map<UnitLevel, String> labels) {
    this.id = id;
    this.levels = levels;
    this.labels = labels;
  }

  /** The suffix of the group id. */
  public String id() {
    return id;
  }

  public boolean appliesTo(UnitLevel level) {
    return levels.contains(level);
  }

  /** Chinese label of the role at a level, e.g. 社区工作者. */
  public String label(UnitLevel level) {
    return labels.get(level);
  }
}
