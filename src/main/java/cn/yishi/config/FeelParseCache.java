package cn.yishi.config;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.SuccessfulEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.impl.parser.ExpressionValidator;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL expressions are parsed once, not on every evaluation.
 *
 * <p>Camunda's {@link ScalaFeelEngine} hands every input expression and input entry to feel-scala
 * as text, and feel-scala parses it again each time (about 10 ms of CPU for the five tables a
 * submission evaluates). This plugin gives the DMN engine the same {@link ScalaFeelEngine} (same
 * value mappers, same custom function providers, same contexts and errors), whose feel-scala engine
 * remembers the result of parsing each text. Parsing is a pure function of the text, and a parsed
 * expression is immutable, so evaluation is unchanged; only the parse is skipped. Not installed
 * when the engine is set to FEEL's legacy (JUEL) behaviour.
 */
@Component
public class FeelParseCache extends AbstractProcessEnginePlugin {

  /** Beyond this many distinct texts the cache starts over (a bound, not a policy). */
  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl engine) {
    if (engine.isDmnFeelEnableLegacyBehavior()) {
      return;
    }
    DefaultDmnEngineConfiguration dmn = engine.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      engine.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(new Factory(dmn));
    }
  }

  /**
   * Gives a standalone DMN engine configuration the caching FEEL engine (as {@link #preInit} does
   * for the process engine's): for the benchmark, which compares it with Camunda's own.
   */
  public static void install(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(new Factory(dmn));
  }

  /** Creates the engine when the DMN engine is built, with the function providers set by then. */
  static final class Factory implements FeelEngineFactory {
    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      return new CachingScalaFeelEngine(dmn.getFeelCustomFunctionProviders());
    }
  }

  /** Camunda's engine, its feel-scala engine replaced by one built alike that caches parses. */
  static final class CachingScalaFeelEngine extends ScalaFeelEngine {
    CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
      this.feelEngine = new ParsingOnce(this.feelEngine);
    }

    private final FeelResults results = new FeelResults();

    ParsingOnce parsing() {
      return (ParsingOnce) feelEngine;
    }

    FeelResults results() {
      return results;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      return results.evaluate(
          false,
          expression,
          null,
          variableContext,
          () -> parsing().parseExpression(expression),
          () -> super.evaluateSimpleExpression(expression, variableContext));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(
        String expression, String inputVariable, VariableContext variableContext) {
      Boolean result =
          results.evaluate(
              true,
              expression,
              inputVariable,
              variableContext,
              () -> parsing().parseUnaryTests(expression),
              () -> super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext));
      return result;
    }
  }

  /**
   * feel-scala's engine with the same function provider, value mapper, configuration and clock; its
   * {@code evalExpression}/{@code evalUnaryTests} call these two parse methods.
   */
  static final class ParsingOnce extends org.camunda.feel.FeelEngine {
    private final Map<String, Either<Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    private final FeelInterpreter interpreter;
    private final ExpressionValidator validator;

    /**
     * The built-in functions and the engine's own, as feel-scala's {@code rootContext()} puts them
     * together, but once: feel-scala builds its table of some 150 built-in functions anew for every
     * evaluation, and after parsing that was most of a table's time. The table holds no state (its
     * functions read the clock when they are called).
     */
    private final FunctionProvider functions;

    ParsingOnce(org.camunda.feel.FeelEngine like) {
      super(like.functionProvider(), like.valueMapper(), like.configuration(), like.clock());
      this.interpreter = new FeelInterpreter(valueMapper());
      this.validator = new ExpressionValidator(configuration().externalFunctionsEnabled());
      List<FunctionProvider> providers =
          List.of(new BuiltinFunctions(clock(), valueMapper()), functionProvider());
      this.functions =
          new FunctionProvider.CompositeFunctionProvider(
              CollectionConverters.asScala(providers).toList());
    }

    /**
     * feel-scala's {@code evaluate} (1.19, the version Camunda 7.24 ships), step by step and with
     * its messages, but with the function table built once: validate, evaluate in a fresh context
     * (its own failure collector) merged with the caller's, and turn errors and assertion failures
     * into failed results.
     */
    @Override
    @SuppressWarnings("deprecation")
    public EvaluationResult evaluate(ParsedExpression expression, Context context) {
      try {
        Option<Failure> invalid = validator.validateExpression(expression.expression());
        if (invalid.isDefined()) {
          return new FailedEvaluationResult(
              new Failure(
                  "validation of expression '"
                      + expression.text()
                      + "' failed: "
                      + invalid.get().message()),
              noFailures());
        }
        EvalContext evaluation =
            new EvalContext(
                    valueMapper(),
                    VariableProvider.EmptyVariableProvider$.MODULE$,
                    functions,
                    new EvaluationFailureCollector())
                .merge(context);
        Val value = interpreter.eval(expression.expression(), evaluation);
        var failures = evaluation.failureCollector().failures();
        String assertion = null;
        var each = failures.iterator();
        while (assertion == null && each.hasNext()) {
          EvaluationFailure failure = each.next();
          if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
            assertion = failure.failureMessage();
          }
        }
        if (assertion != null) {
          return new FailedEvaluationResult(
              new Failure(
                  "Assertion failure on evaluate the expression '"
                      + expression.text()
                      + "': "
                      + assertion),
              failures);
        }
        if (value instanceof ValError error) {
          return failed(expression, error.error(), failures);
        }
        if (value instanceof ValFatalError error) {
          return failed(expression, error.error(), failures);
        }
        return new SuccessfulEvaluationResult(valueMapper().unpackVal(value), failures);
      } catch (VirtualMachineError | ThreadDeath | LinkageError e) {
        throw e; // what Scala's Try does not catch either
      } catch (Throwable e) {
        return new FailedEvaluationResult(
            new Failure("failed to evaluate expression '" + expression.text() + "' : " + e),
            noFailures());
      }
    }

    private static FailedEvaluationResult failed(
        ParsedExpression expression,
        String cause,
        camundajar.impl.scala.collection.immutable.List<EvaluationFailure> failures) {
      return new FailedEvaluationResult(
          new Failure("failed to evaluate expression '" + expression.text() + "': " + cause),
          failures);
    }

    private static camundajar.impl.scala.collection.immutable.List<EvaluationFailure> noFailures() {
      return camundajar.impl.scala.collection.immutable.List$.MODULE$.empty();
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return once(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return once(unaryTests, expression, super::parseUnaryTests);
    }

    private static Either<Failure, ParsedExpression> once(
        Map<String, Either<Failure, ParsedExpression>> cache,
        String text,
        Function<String, Either<Failure, ParsedExpression>> parse) {
      if (text == null) {
        return parse.apply(null);
      }
      Either<Failure, ParsedExpression> parsed = cache.get(text);
      if (parsed == null) {
        parsed = parse.apply(text);
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, parsed);
      }
      return parsed;
    }

    int cached() {
      return expressions.size() + unaryTests.size();
    }
  }
}
