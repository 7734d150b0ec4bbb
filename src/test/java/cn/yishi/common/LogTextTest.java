package cn.yishi.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void aNewlineInATitleCannotForgeALogLine() {
    String title = "楼道灯坏了\n2026-12-01 09:00:00 INFO 管理员 admin 已登录\r";
    String logged = LogText.safe(title);
    assertThat(logged).doesNotContain("\n", "\r");
    assertThat(logged).isEqualTo("楼道灯坏了\\n2026-12-01 09:00:00 INFO 管理员 admin 已登录\\r");
  }

  @Test
  void nulAndOtherControlCharactersAreEscaped() {
    assertThat(LogText.safe("a\u0000b\u001bc\u007fd\u0085e\u009bf\tg"))
        .isEqualTo("a\\u0000b\\u001bc\\u007fd\\u0085e\\u009bf\\tg");
  }

  @Test
  void unicodeLineSeparatorsAndBidiOverridesAreEscaped() {
    assertThat(LogText.safe("x\u2028y\u2029z\u202eq\u2066"))
        .isEqualTo("x\\u2028y\\u2029z\\u202eq\\u2066");
  }

  @Test
  void aBackslashInTheTextCannotPassForAnEscape() {
    assertThat(LogText.safe("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void ordinaryTextIsKeptAsItIs() {
    String text = "菁华园瀑布噪音扰民 (JN-2026-000123) <b>“引号”</b> 😀";
    assertThat(LogText.safe(text)).isSameAs(text);
    assertThat(LogText.safe(null)).isEqualTo("null");
  }
}
