package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DESCRIPTION;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;

import cn.yishi.common.Variable;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of CONTRACT §1 for a proposal's fields: which are required, their ranges and
 * enumerations, and the defaults of absent optional fields. Used when a proposal is submitted
 * (start form or API) and when the sorting caseworker corrects a classifying field.
 */
@Component
public class ProposalFields {

  public static final Set<String> TOPICS =
      Set.of(
          "ELEVATOR",
          "FACILITIES",
          "GREENING",
          "SANITATION",
          "NOISE",
          "ENVIRONMENT",
          "ORDER",
          "FIRE_SAFETY",
          "SECURITY",
          "TRAFFIC_SAFETY",
          "ELDERLY_CARE",
          "CHILDCARE",
          "CULTURE_SPORTS",
          "CONVENIENCE",
          "PROPERTY_SERVICE",
          "CONVENTION",
          "NEIGHBOURHOOD",
          "SHARED_FUNDS",
          "ORGANISATION",
          "OTHER");
  public static final Set<String> SCOPES =
      Set.of("HOUSEHOLD", "BUILDING", "COURTYARD", "COMMUNITY", "MULTI_COMMUNITY");
  public static final Set<String> JURISDICTIONS =
      Set.of("COURTYARD", "COMMUNITY", "STREET", "DISTRICT", "CITY");
  public static final Set<String> EXCLUSIONS =
      Set.of(
          "NONE",
          "UNLAWFUL",
          "PRIVACY",
          "IN_LEGAL_PROCEEDINGS",
          "PRIVATE_DISPUTE",
          "DEPARTMENT_DUTY");

  /** A mainland mobile number (CONTRACT §1 {@code submitterPhone}); objections use it too. */
  public static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /** The message for a phone that is not {@link #MOBILE}. */
  public static final String MOBILE_MESSAGE = "须为11位手机号码（1开头，第二位3至9）";

  /** The largest estimated cost accepted (CNY, 100 亿元); at most two decimal places (分). */
  public static final BigDecimal MAX_COST = new BigDecimal("10000000000");

  private final OrganisationService organisation;

  public ProposalFields(OrganisationService organisation) {
    this.organisation = organisation;
  }

  /**
   * Checks a submitted proposal and returns its variables with every optional field present
   * (defaults filled in, numbers as Integer / Double, text trimmed).
   *
   * @throws InvalidProposalException naming every bad field
   */
  public Map<String, Object> checkSubmission(Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> v = new LinkedHashMap<>();
    if (submitted.get(EXCLUSION.name()) != null) {
      errors.add(new FieldError(EXCLUSION.name(), "不可议事由由分拣的社区工作者确定，提案人不能填写"));
    }
    put(v, TITLE, text(submitted, TITLE, 120, true, errors));
    put(v, DESCRIPTION, text(submitted, DESCRIPTION, 5000, true, errors));
    String name = text(submitted, SUBMITTER_NAME, 50, true, errors);
    String nameProblem = nameProblem(name);
    if (nameProblem != null) {
      errors.add(new FieldError(SUBMITTER_NAME.name(), nameProblem));
    }
    put(v, SUBMITTER_NAME, name);
    String phone = text(submitted, SUBMITTER_PHONE, 11, true, errors);
    if (phone != null && !MOBILE.matcher(phone).matches()) {
      errors.add(new FieldError(SUBMITTER_PHONE.name(), MOBILE_MESSAGE));
    }
    put(v, SUBMITTER_PHONE, phone);
    String community = text(submitted, COMMUNITY, 100, true, errors);
    if (community != null) {
      Optional<Unit> unit = organisation.findUnit(community);
      if (unit.isEmpty() || unit.get().level() != UnitLevel.COMMUNITY) {
        errors.add(new FieldError(COMMUNITY.name(), "没有这个社区，请从列表中选择"));
        community = null;
      }
    }
    put(v, COMMUNITY, community);
    String courtyard = text(submitted, COURTYARD, 100, false, errors);
    if (courtyard != null && community != null) {
      Optional<Unit> unit = organisation.findUnit(courtyard);
      if (unit.isEmpty()
          || unit.get().level() != UnitLevel.COURTYARD
          || !organisation.isWithin(courtyard, community)) {
        errors.add(
            new FieldError(
                COURTYARD.name(),
                unit.map(u -> "“" + u.name() + "”").orElse("所选小区（院落）") + "不在所选社区内"));
      }
    }
    put(v, COURTYARD, courtyard);
    for (Variable<?> field : CLASSIFYING) {
      Object value = submitted.get(field.name());
      if (value == null) {
        if (field == TOPIC || field == SCOPE) {
          errors.add(new FieldError(field.name(), "必填"));
        }
        v.put(field.name(), defaultOf(field));
      } else {
        checkClassifying(field, value, errors)
            .ifPresent(normalised -> v.put(field.name(), normalised));
      }
    }
    Object coSigners = submitted.get(CO_SIGNERS.name());
    put(
        v,
        CO_SIGNERS,
        coSigners == null
            ? Integer.valueOf(0)
            : integer(CO_SIGNERS, coSigners, 0, 1_000_000, errors));
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return v;
  }

  /**
   * Checks one classifying field's new value (a sorting correction) and returns it normalised.
   *
   * @throws InvalidProposalException naming the field
   */
  public Object checkCorrection(Variable<?> field, Object value) {
    List<FieldError> errors = new ArrayList<>();
    if (value == null) {
      errors.add(new FieldError(field.name(), "不能为空"));
      throw new InvalidProposalException(errors);
    }
    Optional<Object> normalised = checkClassifying(field, value, errors);
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    return normalised.orElseThrow();
  }

  /**
   * What is wrong with a person's name (a submitter's, an objector's), or null: a name is shown to
   * staff and on records, so it holds no markup ({@code <} or {@code >}) and no control or line
   * separator characters (a newline would also forge a log line).
   */
  public static String nameProblem(String name) {
    if (name == null) {
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '<' || c == '>') {
        return "不能包含 < 或 >";
      }
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return "不能包含换行符或控制字符";
      }
    }
    return null;
  }

  /** The §1 default of an optional classifying field. */
  public static Object defaultOf(Variable<?> field) {
    if (field == JURISDICTION) {
      return "COMMUNITY";
    }
    if (field == CROSS_JURISDICTION
        || field == USES_COLLECTIVE_FUNDS
        || field == SAFETY_HAZARD
        || field == LEGACY_ISSUE) {
      return false;
    }
    if (field == AFFECTED_HOUSEHOLDS || field == STAKEHOLDER_PARTIES) {
      return 1;
    }
    return field == ESTIMATED_COST ? 0.0 : null;
  }

  /** A value in a comparable form: numbers without trailing zeros, everything else as text. */
  public static String comparable(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return value.toString().trim();
  }

  private Optional<Object> checkClassifying(
      Variable<?> field, Object value, List<FieldError> errors) {
    int before = errors.size();
    Object result;
    if (field == TOPIC) {
      result = oneOf(field, value, TOPICS, errors);
    } else if (field == SCOPE) {
      result = oneOf(field, value, SCOPES, errors);
    } else if (field == JURISDICTION) {
      result = oneOf(field, value, JURISDICTIONS, errors);
    } else if (field == AFFECTED_HOUSEHOLDS) {
      result = integer(field, value, 1, 1_000_000, errors);
    } else if (field == STAKEHOLDER_PARTIES) {
      result = integer(field, value, 1, 1000, errors);
    } else if (field == ESTIMATED_COST) {
      result = cost(value, errors);
    } else if (CLASSIFYING.contains(field)) {
      result = bool(field, value, errors);
    } else {
      throw new IllegalArgumentException("not a classifying field: " + field);
    }
    return errors.size() == before ? Optional.of(result) : Optional.empty();
  }

  private static <T> void put(Map<String, Object> variables, Variable<T> field, T value) {
    field.put(variables, value);
  }

  private static String text(
      Map<String, Object> v,
      Variable<String> field,
      int max,
      boolean required,
      List<FieldError> errors) {
    Object value = v.get(field.name());
    if (value == null || value.toString().isBlank()) {
      if (required) {
        errors.add(new FieldError(field.name(), "必填"));
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new FieldError(field.name(), "须为文字"));
      return null;
    }
    String trimmed = s.trim();
    if (trimmed.length() > max) {
      errors.add(new FieldError(field.name(), "不能超过" + max + "个字符"));
    }
    return trimmed;
  }

  private static String oneOf(
      Variable<?> field, Object value, Set<String> allowed, List<FieldError> errors) {
    if (value instanceof String s && s.isBlank()) {
      // an unchosen select: say so, not the list of codes
      errors.add(new FieldError(field.name(), field == JURISDICTION ? "不能为空" : "必填"));
      return null;
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      errors.add(
          new FieldError(
              field.name(),
              "取值“" + value + "”无效，可选：" + String.join("、", allowed.stream().sorted().toList())));
      return null;
    }
    return s;
  }

  private static Boolean bool(Variable<?> field, Object value, List<FieldError> errors) {
    if (!(value instanceof Boolean b)) {
      errors.add(new FieldError(field.name(), "须为是或否"));
      return null;
    }
    return b;
  }

  private static Integer integer(
      Variable<?> field, Object value, int min, int max, List<FieldError> errors) {
    BigDecimal d = exact(value);
    if (d == null) {
      errors.add(new FieldError(field.name(), "须为整数"));
      return null;
    }
    if (d.stripTrailingZeros().scale() > 0) {
      errors.add(new FieldError(field.name(), "须为整数，不能是小数"));
      return null;
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      errors.add(new FieldError(field.name(), "须在" + min + "到" + max + "之间"));
      return null;
    }
    return d.intValueExact();
  }

  private static Double cost(Object value, List<FieldError> errors) {
    BigDecimal d = exact(value);
    if (d == null) {
      errors.add(new FieldError(ESTIMATED_COST.name(), "须为数字（元）"));
      return null;
    }
    if (d.signum() < 0) {
      errors.add(new FieldError(ESTIMATED_COST.name(), "不能为负数"));
      return null;
    }
    if (d.compareTo(MAX_COST) > 0) {
      errors.add(new FieldError(ESTIMATED_COST.name(), "不能超过 " + MAX_COST.toPlainString() + " 元"));
      return null;
    }
    if (d.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError(ESTIMATED_COST.name(), "最多两位小数（精确到分）"));
      return null;
    }
    return d.doubleValue();
  }

  /**
   * A number as an exact decimal (as sent: a JSON 1e309 stays 1e309); null for a non-number, NaN or
   * infinity.
   */
  private static BigDecimal exact(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof java.math.BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return null;
  }
}
