package cn.yishi.organisation;

import java.util.Optional;

/** The four levels of the platform (四级平台), top to bottom. */
public enum UnitLevel {
  DISTRICT("区"),
  STREET("街道"),
  COMMUNITY("社区"),
  COURTYARD("小区（院落）");

  private final String chinese;

  UnitLevel(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  /** The level directly below this one; empty for courtyards. */
  public Optional<UnitLevel> below() {
    UnitLevel[] all = values();
    return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
  }

  /** The level directly above this one; empty for the district. */
  public Optional<UnitLevel> above() {
    return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
  }
}
