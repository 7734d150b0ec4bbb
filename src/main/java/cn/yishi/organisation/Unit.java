package cn.yishi.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One organisational unit (district, street, community or courtyard). Immutable once the
 * organisation is loaded. Serialises as {@code {code, name, level, children}}, the shape of the
 * data file and of {@code GET /api/organisation}.
 */
@JsonAutoDetect(
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    fieldVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"code", "name", "level", "children"})
public final class Unit {

  private final String code;
  private final String name;
  private final UnitLevel level;
  private final Unit parent;
  private List<Unit> children = new ArrayList<>();

  Unit(String code, String name, UnitLevel level, Unit parent) {
    this.code = code;
    this.name = name;
    this.level = level;
    this.parent = parent;
  }

  void addChild(Unit child) {
    children.add(child);
  }

  void freeze() {
    children = Collections.unmodifiableList(children);
    children.forEach(Unit::freeze);
  }

  @JsonProperty("code")
  public String code() {
    return code;
  }

  @JsonProperty("name")
  public String name() {
    return name;
  }

  @JsonProperty("level")
  public UnitLevel level() {
    return level;
  }

  @JsonProperty("children")
  public List<Unit> children() {
    return children;
  }

  /** The unit directly above; empty for the district. */
  public Optional<Unit> parent() {
    return Optional.ofNullable(parent);
  }

  /** This unit or the nearest unit above it at the given level. */
  public Optional<Unit> ancestorAt(UnitLevel wanted) {
    for (Unit u = this; u != null; u = u.parent) {
      if (u.level == wanted) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** True if {@code other} is this unit or lies below it. */
  public boolean contains(Unit other) {
    for (Unit u = other; u != null; u = u.parent) {
      if (u == this) {
        return true;
      }
    }
    return false;
  }

  /**
   * A name that is unambiguous on its own: a courtyard is prefixed with its community (九里堤北路社区菁华园);
   * other units keep their name.
   */
  public String displayName() {
    if (level == UnitLevel.COURTYARD && parent != null) {
      return parent.name + name;
    }
    return name;
  }

  @Override
  public String toString() {
    return code + " (" + name + ", " + level + ")";
  }
}
