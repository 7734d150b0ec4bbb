package cn.yishi.config;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The engine's history producer, except that a submitted form field longer than {@value
 * LongTextSerializer#TEXT_COLUMN_LENGTH} characters is recorded as a form-property history entry
 * ({@code ACT_HI_DETAIL}, type {@code FormProperty}, only {@code TEXT_}) with its excerpt: that
 * entry would not fit {@code TEXT_ VARCHAR(4000)} and fail the whole submission. The whole text is
 * in the variable's own history ({@code ACT_HI_VARINST} and its variable-update detail), stored by
 * {@link LongTextSerializer}.
 */
public class LongTextHistoryEventProducer extends CacheAwareHistoryEventProducer {

  @Override
  public HistoryEvent createFormPropertyUpdateEvt(
      ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
    String recorded =
        LongTextSerializer.isLong(propertyValue)
            ? LongTextSerializer.excerpt(propertyValue)
            : propertyValue;
    return super.createFormPropertyUpdateEvt(execution, propertyId, recorded, taskId);
  }
}
