package cn.yishi.organisation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates the organisation data file (the shape of {@link OrganisationTree}).
 *
 * <p>Rules: every code is lower-case letters and digits joined by hyphens and unique across units
 * and departments; a child's code starts with its parent's code and a hyphen; the root is the (one)
 * district; a child's level is exactly one below its parent's (so courtyards sit only under
 * communities); every name is non-blank and Chinese; departments start with {@code dept-} and have
 * a kind. All problems are reported at once, each naming its code.
 */
public final class OrganisationLoader {

  /**
   * Lower-case pinyin initials (and digits) joined by hyphens: also a valid Camunda group id part.
   */
  static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");
  static final String DEPARTMENT_PREFIX = "dept-";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private OrganisationLoader() {}

  record UnitData(String code, String name, String level, List<UnitData> children) {}

  record DepartmentData(String code, String name, String kind) {}

  record RootData(
      String code,
      String name,
      String level,
      List<UnitData> children,
      List<DepartmentData> departments) {}

  /** Parses and validates; {@code source} names the data in messages (e.g. its location). */
  public static Organisation load(InputStream in, String source) {
    RootData root;
    try {
      root = MAPPER.readValue(in, RootData.class);
    } catch (JsonProcessingException e) {
      throw new InvalidOrganisationException(source, e.getOriginalMessage() + locationOf(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read organisation data " + source, e);
    }
    if (root == null) {
      throw new InvalidOrganisationException(source, List.of("the file is empty"));
    }
    return new Validator(source).build(root);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  static boolean isChinese(String name) {
    return name.codePoints().anyMatch(cp -> UnicodeScript.of(cp) == UnicodeScript.HAN);
  }

  private static final class Validator {
    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();

    Validator(String source) {
      this.source = source;
    }

    Organisation build(RootData root) {
      Unit district =
          unit(new UnitData(root.code(), root.name(), root.level(), root.children()), null);
      if (district != null && district.level() != UnitLevel.DISTRICT) {
        problems.add(
            "unit '"
                + district.code()
                + "' is the root and must have level DISTRICT, not "
                + district.level());
      }
      List<Department> departments = new ArrayList<>();
      if (root.departments() != null) {
        for (DepartmentData data : root.departments()) {
          Department department = department(data);
          if (department != null) {
            departments.add(department);
          }
        }
      }
      if (!problems.isEmpty() || district == null) {
        if (problems.isEmpty()) {
          problems.add("the root unit is missing");
        }
        throw new InvalidOrganisationException(source, problems);
      }
      return new Organisation(district, departments);
    }

    private Unit unit(UnitData data, Unit parent) {
      String where = parent == null ? "the root unit" : "a unit under '" + parent.code() + "'";
      if (data == null) {
        problems.add(where + " is null");
        return null;
      }
      String code = data.code();
      boolean codeOk = true;
      if (code == null || code.isBlank()) {
        problems.add(
            where + " has no code" + (data.name() == null ? "" : " (name " + data.name() + ")"));
        codeOk = false;
        code = "?";
      } else if (!CODE.matcher(code).matches()) {
        problems.add(
            "unit '"
                + code
                + "': the code must be lower-case letters and digits joined by hyphens");
        codeOk = false;
      } else if (parent != null && !code.startsWith(parent.code() + "-")) {
        problems.add(
            "unit '"
                + code
                + "': the code must start with its parent's code '"
                + parent.code()
                + "-'");
      }
      if (codeOk) {
        unique(code, "unit");
      }
      name("unit", code, data.name());

      UnitLevel level = null;
      if (data.level() == null || data.level().isBlank()) {
        problems.add("unit '" + code + "' has no level");
      } else {
        try {
          level = UnitLevel.valueOf(data.level());
        } catch (IllegalArgumentException e) {
          problems.add(
              "unit '"
                  + code
                  + "' has unknown level '"
                  + data.level()
                  + "' (expected one of "
                  + Arrays.toString(UnitLevel.values())
                  + ")");
        }
      }
      if (level != null && parent != null && parent.level() != null) {
        UnitLevel expected = parent.level().below().orElse(null);
        if (level != expected) {
          if (level == UnitLevel.COURTYARD) {
            problems.add(
                "unit '"
                    + code
                    + "' is a COURTYARD under '"
                    + parent.code()
                    + "' ("
                    + parent.level()
                    + "); courtyards belong only under communities");
          } else if (expected == null) {
            problems.add(
                "unit '"
                    + code
                    + "' ("
                    + level
                    + ") is under courtyard '"
                    + parent.code()
                    + "'; a courtyard has no children");
          } else {
            problems.add(
                "unit '"
                    + code
                    + "' has level "
                    + level
                    + " but its parent '"
                    + parent.code()
                    + "' is a "
                    + parent.level()
                    + ": a child must be exactly one level below ("
                    + expected
                    + ")");
          }
        }
      }
      Unit unit = new Unit(code, data.name(), level, parent);
      if (data.children() != null) {
        for (UnitData childData : data.children()) {
          Unit child = unit(childData, unit);
          if (child != null) {
            unit.addChild(child);
          }
        }
      }
      return unit;
    }

    private Department department(DepartmentData data) {
      if (data == null) {
        problems.add("a department entry is null");
        return null;
      }
      String code = data.code();
      if (code == null || code.isBlank()) {
        problems.add(
            "a department has no code"
                + (data.name() == null ? "" : " (name " + data.name() + ")"));
        code = "?";
      } else if (!CODE.matcher(code).matches() || !code.startsWith(DEPARTMENT_PREFIX)) {
        problems.add(
            "department '"
                + code
                + "': the code must start with '"
                + DEPARTMENT_PREFIX
                + "' and be lower-case letters and digits joined by hyphens");
      } else {
        unique(code, "department");
      }
      name("department", code, data.name());
      if (data.kind() == null || data.kind().isBlank()) {
        problems.add("department '" + code + "' has no kind");
      } else if (!KIND.matcher(data.kind()).matches()) {
        problems.add(
            "department '"
                + code
                + "': kind '"
                + data.kind()
                + "' must be upper case, e.g. DISTRICT_BUREAU");
      }
      return new Department(code, data.name(), data.kind());
    }

    private void unique(String code, String what) {
      String before = seen.putIfAbsent(code, what);
      if (before != null) {
        problems.add("code '" + code + "' is used twice (" + before + " and " + what + ")");
      }
    }

    private void name(String what, String code, String name) {
      if (name == null || name.isBlank()) {
        problems.add(what + " '" + code + "' has no name");
      } else if (!isChinese(name)) {
        problems.add(what + " '" + code + "' has name '" + name + "', which is not Chinese");
      } else if (!name.equals(name.strip())) {
        problems.add(what + " '" + code + "' has leading or trailing blanks in its name");
      }
    }
  }
}
