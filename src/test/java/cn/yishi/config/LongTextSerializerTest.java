package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

class LongTextSerializerTest {

  private final LongTextSerializer serializer = new LongTextSerializer();

  @Test
  void takesOnlyStringsTheEnginesStringColumnsCannotHold() {
    assertThat(serializer.canHandle(Variables.stringValue("字".repeat(4000)))).isFalse();
    assertThat(serializer.canHandle(Variables.untypedValue("字".repeat(4000)))).isFalse();
    assertThat(serializer.canHandle(Variables.stringValue("字".repeat(4001)))).isTrue();
    assertThat(serializer.canHandle(Variables.untypedValue("字".repeat(4001)))).isTrue();
    assertThat(serializer.canHandle(Variables.untypedValue(4001L))).isFalse();
    assertThat(serializer.canHandle(Variables.byteArrayValue(new byte[5000]))).isFalse();
    assertThat(serializer.canHandle(Variables.stringValue(null))).isFalse();
  }

  @Test
  void theExcerptNeverEndsInHalfACharacter() {
    String emoji = "\uD83C\uDF33"; // a tree, two UTF-16 units
    String text = "字".repeat(LongTextSerializer.EXCERPT_LENGTH - 1) + emoji + "字".repeat(4000);

    String excerpt = LongTextSerializer.excerpt(text);

    assertThat(excerpt)
        .hasSize(LongTextSerializer.EXCERPT_LENGTH - 1)
        .isEqualTo(text.substring(0, excerpt.length()));
    assertThat(LongTextSerializer.excerpt("短")).isEqualTo("短");
  }
}
