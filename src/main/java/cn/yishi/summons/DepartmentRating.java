package cn.yishi.summons;

/**
 * How a summoning level rates a department it summoned (吹哨报到: "levels rate the departments they
 * summoned"), the same three answers residents give for a proposal.
 */
public enum DepartmentRating {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意");

  private final String label;

  DepartmentRating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The enum for a form value, or {@code null} when it is not one of the three. */
  public static DepartmentRating parse(Object value) {
    if (value == null) {
      return null;
    }
    for (DepartmentRating rating : values()) {
      if (rating.name().equals(value.toString())) {
        return rating;
      }
    }
    return null;
  }
}
