package cn.yishi.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The organisation (units and departments), loaded once at start from {@code
 * yishi.organisation.location} and validated; bad data fails startup. The only source of units,
 * levels and departments for the rest of Yishi.
 */
@Service
public class OrganisationService {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationService.class);

  private final Organisation organisation;

  @Autowired
  public OrganisationService(ResourceLoader resourceLoader, OrganisationProperties properties) {
    this(resourceLoader, properties.location());
  }

  /** The organisation at {@code location}, a Spring resource location (tests, tools). */
  public OrganisationService(ResourceLoader resourceLoader, String location) {
    Resource resource = resourceLoader.getResource(location);
    if (!resource.exists()) {
      throw new IllegalStateException(
          "organisation data not found at " + location + " (yishi.organisation.location)");
    }
    try (InputStream in = resource.getInputStream()) {
      this.organisation = OrganisationLoader.load(in, location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read organisation data " + location, e);
    }
    LOG.info(
        "Organisation loaded from {}: {} streets, {} communities, {} courtyards, {} departments",
        location,
        organisation.unitsAt(UnitLevel.STREET).size(),
        organisation.unitsAt(UnitLevel.COMMUNITY).size(),
        organisation.unitsAt(UnitLevel.COURTYARD).size(),
        organisation.departments().size());
  }

  /** For tests and tools: a service over already loaded data. */
  public OrganisationService(Organisation organisation) {
    this.organisation = organisation;
  }

  /** The whole tree in the shape of the data file and of {@code GET /api/organisation}. */
  public OrganisationTree tree() {
    return organisation.tree();
  }

  public Unit district() {
    return organisation.district();
  }

  public Optional<Unit> findUnit(String code) {
    return organisation.findUnit(code);
  }

  /** The unit with this code, or {@link UnknownUnitException} naming the code. */
  public Unit unit(String code) {
    return organisation
        .findUnit(code)
        .orElseThrow(
            () -> new UnknownUnitException("no organisation unit with code '" + code + "'"));
  }

  public UnitLevel levelOf(String code) {
    return unit(code).level();
  }

  /** The unit above; empty for the district. */
  public Optional<Unit> parentOf(String code) {
    return unit(code).parent();
  }

  public List<Unit> childrenOf(String code) {
    return unit(code).children();
  }

  /** The community a courtyard belongs to; fails if {@code courtyardCode} is not a courtyard. */
  public Unit communityOf(String courtyardCode) {
    Unit unit = unit(courtyardCode);
    if (unit.level() != UnitLevel.COURTYARD) {
      throw new UnknownUnitException(
          "unit '" + courtyardCode + "' is a " + unit.level() + ", not a COURTYARD");
    }
    return unit.parent().orElseThrow();
  }

  /**
   * The unit itself or the nearest unit above it at {@code level} (e.g. the street of a community).
   */
  public Optional<Unit> ancestorAt(String code, UnitLevel level) {
    return unit(code).ancestorAt(level);
  }

  /** True if unit {@code code} is {@code ancestorCode} or lies below it. */
  public boolean isWithin(String code, String ancestorCode) {
    return unit(ancestorCode).contains(unit(code));
  }

  /** Every unit, parents before children. */
  public List<Unit> units() {
    return organisation.units();
  }

  public List<Unit> unitsAt(UnitLevel level) {
    return organisation.unitsAt(level);
  }

  public List<Department> departments() {
    return organisation.departments();
  }

  public Optional<Department> findDepartment(String code) {
    return organisation.findDepartment(code);
  }

  /** The department with this code, or {@link UnknownUnitException} naming the code. */
  public Department department(String code) {
    return organisation
        .findDepartment(code)
        .orElseThrow(() -> new UnknownUnitException("no department with code '" + code + "'"));
  }
}
