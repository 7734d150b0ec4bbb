package cn.yishi.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one way Yishi checks what a step (a task completion, a form submission, an API call) hands
 * in: each call states a rule for one field (required, a length, a range, one of a set of choices)
 * or across fields ({@link #rule}), and a broken rule refuses the step with an {@link
 * InvalidStepInputException} that names the field and says in Chinese what to do (its own generic
 * words are prefixed with the field's label in the form, see {@link FormLabels}). Nothing is saved:
 * the engine rolls the completion back.
 *
 * <pre>{@code
 * StepCheck check = StepCheck.of(task);
 * String step = check.oneOf(NEXT_STEP, Set.of("NEXT_ROUND", "RAISE", "REJECT"), "请选择下一步");
 * String reason = check.requiredText(RAISE_REASON, 1000, "请写明提交上级协商的理由");
 * int present = check.integer(PRESENT, 0, 999, "请填写到会人数");
 * check.rule(present <= members, PRESENT, "到会人数不能多于应到人数");
 * }</pre>
 */
public final class StepCheck {

  private final Function<String, Object> values;

  private StepCheck(Function<String, Object> values) {
    this.values = values;
  }

  /** Checks the values the scope sees (a task's own and its execution's). */
  public static StepCheck of(VariableScope scope) {
    return new StepCheck(scope::getVariable);
  }

  /** Checks the values in a map (a request body, a completion's variables). */
  public static StepCheck of(Map<String, ?> values) {
    return new StepCheck(values::get);
  }

  /** A text that must be given (not blank) and at most {@code max} characters long; stripped. */
  public String requiredText(Variable<String> field, int max, String whenMissing) {
    String text = optionalText(field, max);
    if (text == null) {
      throw refuse(field, whenMissing);
    }
    return text;
  }

  /**
   * {@link #requiredText(Variable, int, String)} with the step's own words for a text that is too
   * long (e.g. "落实结果不能超过5000字").
   */
  public String requiredText(
      Variable<String> field, int max, String whenMissing, String whenTooLong) {
    String text = optionalText(field, max, whenTooLong);
    if (text == null) {
      throw refuse(field, whenMissing);
    }
    return text;
  }

  /**
   * A count (a whole number from 0 on, at most Integer.MAX_VALUE) from whatever a form sent
   * (Integer, Long, Double, text); messages name it by {@code label} (应到人数不能为空 …).
   */
  public int count(Variable<?> field, String label) {
    Object value = values.apply(field.name());
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw refuse(field, label + "不能为空");
    }
    java.math.BigDecimal number;
    try {
      number = new java.math.BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw refuse(field, label + "必须是整数");
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw refuse(field, label + "必须是整数");
    }
    int whole;
    try {
      whole = number.intValueExact();
    } catch (ArithmeticException e) {
      throw refuse(field, label + "必须是不超过" + Integer.MAX_VALUE + "的整数");
    }
    if (whole < 0) {
      throw refuse(field, label + "不能为负数");
    }
    return whole;
  }

  /**
   * A text that may be left out (null when blank) and is at most {@code max} characters; stripped.
   */
  public String optionalText(Variable<String> field, int max) {
    return optionalText(field, max, null);
  }

  /** {@link #optionalText(Variable, int)} with the step's own words for a text that is too long. */
  public String optionalText(Variable<String> field, int max, String whenTooLong) {
    Object raw = values.apply(field.name());
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      throw refuseNamed(field, "请填写文字");
    }
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.length() > max) {
      throw whenTooLong != null
          ? refuse(field, whenTooLong)
          : refuseNamed(field, "内容不能超过" + max + "字（现为" + stripped.length() + "字）");
    }
    return stripped;
  }

  /** One of the given choices (a select or radio field); anything else, or nothing, is refused. */
  public String oneOf(Variable<String> field, Collection<String> choices, String whenMissing) {
    Object raw = values.apply(field.name());
    if (raw == null || !choices.contains(raw.toString())) {
      throw refuse(field, whenMissing);
    }
    return raw.toString();
  }

  /** A whole number from {@code min} to {@code max}; missing or out of range is refused. */
  public int integer(Variable<?> field, int min, int max, String whenMissing) {
    Object raw = values.apply(field.name());
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      throw refuse(field, whenMissing);
    }
    long whole;
    try {
      whole =
          Variable.whole(field.name())
              .read(raw instanceof String s ? Long.valueOf(s.strip()) : raw);
    } catch (IllegalStateException | NumberFormatException e) {
      throw refuseNamed(field, "请填写整数");
    }
    if (whole < min || whole > max) {
      throw refuseNamed(field, "请填写" + min + "到" + max + "之间的整数");
    }
    return (int) whole;
  }

  /** A yes/no; missing reads as {@code fallback}. */
  public boolean flag(Variable<Boolean> field, boolean fallback) {
    Object raw = values.apply(field.name());
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof Boolean b)) {
      throw refuseNamed(field, "请选择是或否");
    }
    return b;
  }

  /**
   * Lines of text (one entry per line, or a list), stripped, empty and repeated lines dropped: at
   * most {@code maxLines} entries of at most {@code maxLength} characters each.
   */
  public List<String> lines(Variable<?> field, int maxLines, int maxLength, String whatOneLineIs) {
    Object raw = values.apply(field.name());
    Set<String> lines = new LinkedHashSet<>();
    if (raw instanceof Collection<?> list) {
      list.stream().filter(e -> e != null).forEach(e -> add(lines, e.toString()));
    } else {
      lines.addAll(TextLines.of(raw));
    }
    if (lines.size() > maxLines) {
      throw refuse(field, whatOneLineIs + "不能超过" + maxLines + "个");
    }
    for (String line : lines) {
      if (line.length() > maxLength) {
        throw refuse(field, "每个" + whatOneLineIs + "不能超过" + maxLength + "字：" + line);
      }
    }
    return new ArrayList<>(lines);
  }

  /**
   * A rule across fields (or any rule the calls above do not state): refused on the field named.
   */
  public void rule(boolean holds, Variable<?> field, String otherwise) {
    if (!holds) {
      throw refuse(field, otherwise);
    }
  }

  /** The raw value handed in for the field, for a domain check this class does not state. */
  public Object raw(Variable<?> field) {
    return values.apply(field.name());
  }

  private static void add(Set<String> lines, String line) {
    String entry = line.strip();
    if (!entry.isEmpty()) {
      lines.add(entry);
    }
  }

  private static InvalidStepInputException refuse(Variable<?> field, String message) {
    return new InvalidStepInputException(field.name(), message);
  }

  /**
   * A refusal in this class's own words, which do not say which field they are about: named by the
   * field's label in the form ("利益相关方数量：请填写整数"). A step's own words (whenMissing, a rule's message)
   * are written to be read as they are.
   */
  private static InvalidStepInputException refuseNamed(Variable<?> field, String message) {
    return refuse(field, FormLabels.shipped().named(field.name(), message));
  }
}
