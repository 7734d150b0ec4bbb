package cn.yishi.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Registers {@link LongTextSerializer} ahead of the engine's own serializers, so that a string
 * variable over 4,000 characters (every text CONTRACT §1 and the forms allow, up to a meeting's
 * 20,000-character participant list) is stored whole instead of failing in {@code TEXT_
 * VARCHAR(4000)}; and {@link LongTextHistoryEventProducer}, so that a form submission carrying such
 * a text does not fail on its form-property history entry.
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    serializers.add(new LongTextSerializer());
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    configuration.setCustomPreVariableSerializers(serializers);
    if (configuration.getHistoryEventProducer() != null) {
      throw new IllegalStateException(
          "another history event producer is configured: it would record long form fields in TEXT_ VARCHAR(4000)");
    }
    configuration.setHistoryEventProducer(new LongTextHistoryEventProducer());
  }
}
