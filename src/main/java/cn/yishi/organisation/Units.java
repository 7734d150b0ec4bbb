package cn.yishi.organisation;

import cn.yishi.common.DiagramCallable;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Walking the organisation tree in BPMN expressions, as the bean {@code units}: where a proposal
 * enters, the level above or below, e.g. {@code ${units.above(reviewUnit)}}. Codes in, codes out;
 * an unknown code fails with {@link UnknownUnitException} naming it.
 */
@DiagramCallable
@Component("units")
public class Units {

  private final OrganisationService organisation;

  public Units(OrganisationService organisation) {
    this.organisation = organisation;
  }

  /**
   * The unit a proposal enters at (DOMAIN "Who deliberates"): its courtyard for a courtyard matter
   * that names one, otherwise its community.
   */
  public String entry(String community, String courtyard, String matterScope) {
    organisation.unit(community);
    if ("COURTYARD".equals(matterScope) && courtyard != null && !courtyard.isBlank()) {
      if (!organisation.isWithin(courtyard, community)) {
        throw new UnknownUnitException(
            "courtyard '" + courtyard + "' does not belong to community '" + community + "'");
      }
      return organisation.unit(courtyard).code();
    }
    return community;
  }

  /**
   * The unit that handles a proposal entering at {@code entryUnit} whose handling level (decision
   * {@code handlingLevel}) is {@code level}: the entry unit's ancestor at that level, or the entry
   * unit itself when it already stands at or above that level (a proposal is only passed up, never
   * down to a unit it did not name).
   */
  public String handlingUnit(String entryUnit, String level) {
    UnitLevel wanted = UnitLevel.valueOf(level);
    String current = entryUnit;
    while (organisation.levelOf(current).ordinal() > wanted.ordinal()) {
      current = above(current);
    }
    return current;
  }

  /** The code of the unit above; {@code null} at the district (nothing is above it). */
  public String above(String unit) {
    return organisation.parentOf(unit).map(Unit::code).orElse(null);
  }

  /** True when a unit is above this one (false only at the district). */
  public boolean hasAbove(String unit) {
    return organisation.parentOf(unit).isPresent();
  }

  /**
   * The unit one level below {@code unit} on the way up from {@code entryUnit}: where a proposal
   * sent back goes. {@code null} when {@code unit} is the entry unit itself.
   */
  public String below(String unit, String entryUnit) {
    if (unit.equals(entryUnit)) {
      return null;
    }
    if (!organisation.isWithin(entryUnit, unit)) {
      throw new UnknownUnitException("unit '" + entryUnit + "' does not lie below '" + unit + "'");
    }
    String current = entryUnit;
    while (!unit.equals(above(current))) {
      current = above(current);
    }
    return current;
  }

  /** The level of a unit: DISTRICT, STREET, COMMUNITY or COURTYARD. */
  public String levelOf(String unit) {
    return organisation.levelOf(unit).name();
  }

  /** True when the unit lies below {@code level} (a courtyard is below COMMUNITY). */
  public boolean isBelow(String unit, String level) {
    return organisation.levelOf(unit).ordinal() > UnitLevel.valueOf(level).ordinal();
  }

  /**
   * The unit itself, or its community when it is a courtyard (四议两公开 and 难事广议 are led at least by
   * the community).
   */
  public String atLeastCommunity(String unit) {
    if (organisation.levelOf(unit) == UnitLevel.COURTYARD) {
      return organisation.communityOf(unit).code();
    }
    return unit;
  }

  /** The unit's Chinese name, e.g. 九里堤北路社区. */
  public String name(String unit) {
    return organisation.unit(unit).name();
  }

  /** Every department code, for forms that choose departments to summon. */
  public List<String> departmentCodes() {
    return organisation.departments().stream().map(Department::code).toList();
  }
}
