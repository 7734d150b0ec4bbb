package cn.yishi.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One process variable: its name and its Java type, declared once in a process's boundary class
 * (see {@link ProcessBoundary}) and used by the diagram's beans and by the tests instead of the
 * name as a string. Reading checks the type and names the variable when it is wrong.
 *
 * <pre>{@code
 * String title = ProposalLifecycleProcess.TITLE.get(execution);
 * ProposalLifecycleProcess.SORTED.set(execution, true);
 * runtime.startProcessInstanceByKey(KEY, Variable.values(TITLE.is("路灯坏了"), CO_SIGNERS.is(3)));
 * }</pre>
 *
 * @param <T> what {@link #get} returns
 */
public final class Variable<T> {

  private final String name;
  private final String typeName;
  private final Function<Object, T> convert;

  private Variable(String name, String typeName, Function<Object, T> convert) {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a variable name: " + name);
    }
    this.name = name;
    this.typeName = typeName;
    this.convert = convert;
  }

  /** A text (String). */
  public static Variable<String> text(String name) {
    return of(name, String.class);
  }

  /**
   * A whole number that fits an int; any integral {@link Number} (JSON and forms send Long) reads.
   */
  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, "Integer", value -> toInteger(name, value));
  }

  /** A whole number; any integral {@link Number} reads. */
  public static Variable<Long> whole(String name) {
    return new Variable<>(name, "Long", value -> toLong(name, value));
  }

  /** A decimal number; any {@link Number} reads. */
  public static Variable<BigDecimal> decimal(String name) {
    return new Variable<>(
        name,
        "BigDecimal",
        value -> {
          if (value instanceof BigDecimal d) {
            return d;
          }
          if (value instanceof Number n) {
            return new BigDecimal(n.toString());
          }
          throw wrongType(name, "BigDecimal", value);
        });
  }

  /** A yes/no (Boolean). */
  public static Variable<Boolean> flag(String name) {
    return of(name, Boolean.class);
  }

  /** A point in time (Date, as the engine stores dates). */
  public static Variable<Date> date(String name) {
    return of(name, Date.class);
  }

  /** A list of texts (a JSON or Java list whose elements are read as text). */
  public static Variable<List<String>> texts(String name) {
    return new Variable<>(
        name,
        "List<String>",
        value -> {
          if (value instanceof Collection<?> c) {
            List<String> texts = new ArrayList<>(c.size());
            for (Object element : c) {
              texts.add(element == null ? null : element.toString());
            }
            return texts;
          }
          throw wrongType(name, "List<String>", value);
        });
  }

  /** A record of named values, such as a decision's single result ({@code timeLimits}). */
  @SuppressWarnings("unchecked")
  public static Variable<Map<String, Object>> record(String name) {
    return new Variable<>(
        name,
        "Map<String, Object>",
        value -> {
          if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
          }
          throw wrongType(name, "Map<String, Object>", value);
        });
  }

  /** A list of records (a multi-instance collection, a decision's result list). */
  @SuppressWarnings("unchecked")
  public static Variable<List<Map<String, Object>>> records(String name) {
    return new Variable<>(
        name,
        "List<Map<String, Object>>",
        value -> {
          if (value instanceof List<?> l
              && l.stream().allMatch(e -> e == null || e instanceof Map<?, ?>)) {
            return (List<Map<String, Object>>) l;
          }
          throw wrongType(name, "List<Map<String, Object>>", value);
        });
  }

  /**
   * A value of no fixed type, for the few fields a form may send either as text or as a list (lines
   * of names, chosen departments): the reader (e.g. a {@code TextLines}) interprets it.
   */
  public static Variable<Object> any(String name) {
    return new Variable<>(name, "Object", value -> value);
  }

  /** A value of the given class (a String, a Boolean, a Date …). */
  public static <T> Variable<T> of(String name, Class<T> type) {
    return new Variable<>(
        name,
        type.getSimpleName(),
        value -> {
          if (type.isInstance(value)) {
            return type.cast(value);
          }
          throw wrongType(name, type.getSimpleName(), value);
        });
  }

  public String name() {
    return name;
  }

  /** The Java type {@link #get} returns, as it reads in messages ("Integer", "List<String>"). */
  public String typeName() {
    return typeName;
  }

  /** The value visible from the scope (its own or an enclosing one), or null when there is none. */
  public T get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  /** The value set on the scope itself (task-local, a sub-process's local), or null. */
  public T getLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The value visible from the scope, if there is one. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(get(scope));
  }

  /** The value visible from the scope, or the fallback when there is none. */
  public T getOr(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  /** The value visible from the scope; a missing one is a broken diagram, named in the message. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException(
          "process variable '" + name + "' (" + typeName + ") is not set");
    }
    return value;
  }

  /** True when the scope sees a value (not null). */
  public boolean isSet(VariableScope scope) {
    return scope.getVariable(name) != null;
  }

  /** Sets the value where the engine finds the variable (or on the process instance when new). */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets the value on the scope itself (task-local, a sub-process's local). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Removes the variable where the engine finds it. */
  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** The value in a map of variables (a start's or a completion's, a history query's), or null. */
  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  /** This variable with a value, for {@link #values}. */
  public Value<T> is(T value) {
    return new Value<>(this, value);
  }

  /** Writes the value into a map of variables and returns the map. */
  public <M extends Map<String, Object>> M put(M variables, T value) {
    variables.put(name, value);
    return variables;
  }

  /** A variable map holding the given values, e.g. to start a process or complete a task. */
  public static VariableMap values(Value<?>... values) {
    VariableMap map = Variables.createVariables();
    for (Value<?> value : values) {
      map.putValue(value.variable().name(), value.value());
    }
    return map;
  }

  /** Reads a raw value as this variable's type; null stays null. */
  public T read(Object value) {
    return value == null ? null : convert.apply(value);
  }

  /** A variable with the value it is to be given. */
  public record Value<T>(Variable<T> variable, T value) {
    public Value {
      Objects.requireNonNull(variable, "variable");
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static Integer toInteger(String name, Object value) {
    long whole = toLong(name, value);
    if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "process variable '" + name + "' is out of the Integer range: " + whole);
    }
    return (int) whole;
  }

  private static Long toLong(String name, Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalStateException(
            "process variable '" + name + "' is not a whole number: " + value);
      }
    }
    throw wrongType(name, "a whole number", value);
  }

  private static IllegalStateException wrongType(String name, String expected, Object value) {
    return new IllegalStateException(
        "process variable '"
            + name
            + "' should be "
            + expected
            + " but is "
            + value.getClass().getSimpleName());
  }
}
