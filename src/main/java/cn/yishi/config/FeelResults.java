package cn.yishi.config;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Ref;

/**
 * Remembers what a FEEL text gave for the same values, when that result can depend on nothing else.
 *
 * <p>A decision table's input entries ({@code "GREENING","NOISE"}, {@code >= 50}, {@code [1..3]})
 * and output entries ({@code "CONSTRUCTION"}) are texts of constants and operators; its input
 * expressions name one variable ({@code topic}). What such a text gives is a function of the values
 * of the variables it names (for an input entry, also the input value) and nothing else: no clock,
 * no function, no path into a context. feel-scala nonetheless sets up its whole evaluation,
 * built-in functions included, for each of the hundreds of cells a submission's tables test. This
 * keeps, per text and per those values, the answer of the first evaluation.
 *
 * <p>Only texts whose syntax tree holds nothing but the node kinds in {@link #PURE} are kept, and
 * only when every value involved is a string, boolean, number or null (immutable, compared by value
 * with its type: {@code 5} and {@code 5L} are different keys) and the result is one of those too.
 * Failures are never kept: they are raised again, by feel-scala, each time.
 */
final class FeelResults {

  /** Beyond this many remembered answers the memory starts over (a bound, not a policy). */
  static final int MAX_RESULTS = 50_000;

  /** Syntax-tree nodes whose value depends only on their children: constants, tests, operators. */
  static final Set<String> PURE =
      Set.of(
          "ConstNull",
          "ConstBool",
          "ConstNumber",
          "ConstString",
          "ConstInputValue",
          "ConstList",
          "ConstRange",
          "OpenConstRangeBoundary",
          "ClosedConstRangeBoundary",
          "InputEqualTo",
          "InputLessThan",
          "InputLessOrEqual",
          "InputGreaterThan",
          "InputGreaterOrEqual",
          "InputInRange",
          "UnaryTestExpression",
          "AtLeastOne",
          "Not",
          "Equal",
          "LessThan",
          "LessOrEqual",
          "GreaterThan",
          "GreaterOrEqual",
          "Conjunction",
          "Disjunction",
          "Addition",
          "Subtraction",
          "Multiplication",
          "Division",
          "ArithmeticNegation",
          "If",
          "Ref");

  private static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "absent";
        }
      };

  /** A text that names these variables (in order), or empty when its result may depend on more. */
  private final Map<String, Optional<java.util.List<String>>> expressionShapes =
      new ConcurrentHashMap<>();

  private final Map<String, Optional<java.util.List<String>>> unaryTestShapes =
      new ConcurrentHashMap<>();
  private final Map<Key, Object> results = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();

  private record Key(boolean unaryTests, String text, java.util.List<Object> values) {}

  private static final Object NULL_RESULT = new Object();

  /**
   * The remembered result of this text with these values, or the evaluation's, remembered when it
   * may be.
   *
   * @param inputVariable for input entries the variable holding the input value, else null
   * @param parsed what parsing the text gives (from the parse cache)
   */
  @SuppressWarnings("unchecked")
  <T> T evaluate(
      boolean unaryTests,
      String text,
      String inputVariable,
      VariableContext context,
      Supplier<Either<Failure, ParsedExpression>> parsed,
      Supplier<T> evaluation) {
    if (text == null) {
      return evaluation.get();
    }
    Optional<java.util.List<String>> names =
        (unaryTests ? unaryTestShapes : expressionShapes)
            .computeIfAbsent(text, ignored -> namesOf(parsed.get()));
    if (names.isEmpty()) {
      return evaluation.get();
    }
    java.util.List<Object> values = new ArrayList<>(names.get().size() + 1);
    if (inputVariable != null && !addValue(values, context, inputVariable)) {
      return evaluation.get();
    }
    for (String name : names.get()) {
      if (!addValue(values, context, name)) {
        return evaluation.get();
      }
    }
    Key key = new Key(unaryTests, text, values);
    Object known = results.get(key);
    if (known != null) {
      hits.incrementAndGet();
      return known == NULL_RESULT ? null : (T) known;
    }
    T result = evaluation.get();
    if (result == null || isSimple(result)) {
      if (results.size() >= MAX_RESULTS) {
        results.clear();
      }
      results.put(key, result == null ? NULL_RESULT : result);
    }
    return result;
  }

  long hits() {
    return hits.get();
  }

  int remembered() {
    return results.size();
  }

  private static boolean addValue(
      java.util.List<Object> values, VariableContext context, String name) {
    if (!context.containsVariable(name)) {
      values.add(ABSENT);
      return true;
    }
    TypedValue typed = context.resolve(name);
    Object value = typed == null ? null : typed.getValue();
    if (value != null && !isSimple(value)) {
      return false;
    }
    values.add(value == null ? NULL_RESULT : new Typed(value.getClass(), value));
    return true;
  }

  /** A value with its class: {@code 5} and {@code 5L} are equal to nobody but themselves. */
  private record Typed(Class<?> type, Object value) {}

  private static boolean isSimple(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigDecimal
        || value instanceof BigInteger;
  }

  /** The single-name variables a parsed text refers to, or empty if anything else is in it. */
  static Optional<java.util.List<String>> namesOf(Either<Failure, ParsedExpression> parsed) {
    if (!(parsed instanceof Right<Failure, ParsedExpression> right)) {
      return Optional.empty();
    }
    java.util.List<String> names = new ArrayList<>();
    return pure(right.value().expression(), names) ? Optional.of(names) : Optional.empty();
  }

  private static boolean pure(Object node, java.util.List<String> names) {
    if (node instanceof Ref ref) {
      List<String> path = ref.names();
      if (path.size() != 1) {
        return false;
      }
      if (!names.contains(path.head())) {
        names.add(path.head());
      }
      return true;
    }
    if (node instanceof Exp) {
      if (!PURE.contains(node.getClass().getSimpleName())) {
        return false;
      }
      return children((Product) node, names);
    }
    if (node instanceof List<?> list) { // a Scala list is head :: tail, or Nil
      return children((Product) list, names);
    }
    return node instanceof String
        || node instanceof Boolean
        || node instanceof camundajar.impl.scala.math.BigDecimal
        || node instanceof Number;
  }

  private static boolean children(Product product, java.util.List<String> names) {
    for (int i = 0; i < product.productArity(); i++) {
      if (!pure(product.productElement(i), names)) {
        return false;
      }
    }
    return true;
  }
}
