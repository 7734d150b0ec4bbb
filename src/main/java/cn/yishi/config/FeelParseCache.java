package cn.yishi.config;

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
import org.camunda.feel.syntaxtree.ParsedExpression;
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

    ParsingOnce(org.camunda.feel.FeelEngine like) {
      super(like.functionProvider(), like.valueMapper(), like.configuration(), like.clock());
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
