package cn.yishi.organisation;

/**
 * A Camunda group that the organisation defines.
 *
 * @param id group id, e.g. {@code jn-jld-jldbl.caseworker}, {@code dept-river.department}, {@code
 *     auditors}
 * @param name Chinese name, e.g. 九里堤北路社区 · 社区工作者
 * @param type Camunda group type ({@value Groups#TYPE})
 * @param kind unit role, department or global group
 * @param code the unit or department code; null for global groups
 * @param role the unit role; null for departments and global groups
 */
public record GroupDefinition(
    String id, String name, String type, Kind kind, String code, Role role) {

  public enum Kind {
    UNIT,
    DEPARTMENT,
    GLOBAL
  }
}
