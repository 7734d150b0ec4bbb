package cn.yishi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Found by PublicApiPropertiesIT on PostgreSQL: U+0000 in a text field was stored, and a 500. */
class JsonBodyTest {

  @Test
  void aTextHoldingNulIsRefusedNamingItsFieldBesideTheOtherBadOnes() {
    byte[] body =
        "{\"text\":\"a\\u0000b\",\"name\":\"赵\",\"extra\":1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JsonBody.parse(body, Set.of("text", "name"), Map.of()))
        .isInstanceOfSatisfying(
            JsonBody.Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(JsonBody.FieldProblem::field, JsonBody.FieldProblem::message)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("text", JsonBody.NUL_MESSAGE),
                        org.assertj.core.groups.Tuple.tuple("extra", "未知字段")));
  }

  @Test
  void otherControlCharactersAndOddUnicodeAreLeftToEachFieldsOwnRules() {
    byte[] body = "{\"text\":\"\\u0001\\u202e😀\\ud800\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonBody.parse(body, Set.of("text"), Map.of()))
        .containsEntry("text", "\u0001\u202e😀\ud800");
  }
}
