package cn.yishi.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The residents' pages are safe by construction: what users wrote reaches the page only as text.
 * Their HTML has no inline script, no event-handler attribute and no style attribute (the policy
 * would block them anyway, silently breaking the page), and their scripts never parse strings as
 * markup or code ({@code innerHTML}, {@code outerHTML}, {@code insertAdjacentHTML}, {@code
 * document.write}, {@code eval}, {@code new Function}, string timers) and never set a style
 * attribute. The vendor files (Chart.js) are not ours and are not read.
 */
class ResidentPagesSafetyTest {

  private static final Path SITE = Path.of("src/main/resources/static/site");

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HANDLER_OR_STYLE =
      Pattern.compile("<[a-z][^>]*\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern STYLE_ELEMENT = Pattern.compile("<style", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKUP_OR_CODE =
      Pattern.compile(
          "\\.(innerHTML|outerHTML|insertAdjacentHTML)\\b|document\\.write|\\beval\\s*\\("
              + "|new\\s+Function\\s*\\(|set(Timeout|Interval)\\s*\\(\\s*['\"`]"
              + "|setAttribute\\(\\s*['\"]style['\"]|\\.style\\.cssText");

  @Test
  void pagesHaveNoInlineScriptHandlerOrStyle() throws IOException {
    List<Path> pages = files(".html");
    assertThat(pages)
        .extracting(p -> p.getFileName().toString())
        .contains("index.html", "proposal.html", "notices.html", "statistics.html");
    List<String> found = new ArrayList<>();
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      collect(found, page, INLINE_SCRIPT.matcher(html));
      collect(found, page, HANDLER_OR_STYLE.matcher(html));
      collect(found, page, STYLE_ELEMENT.matcher(html));
      assertThat(html).as(page.toString()).contains("<html lang=\"zh-CN\">");
    }
    assertThat(found).isEmpty();
  }

  @Test
  void scriptsPutUserTextOnThePageOnlyAsText() throws IOException {
    List<Path> scripts = files(".js");
    assertThat(scripts).isNotEmpty();
    List<String> found = new ArrayList<>();
    for (Path script : scripts) {
      collect(found, script, MARKUP_OR_CODE.matcher(Files.readString(script)));
    }
    assertThat(found).isEmpty();
  }

  /** The check itself finds what it is meant to find. */
  @Test
  void theChecksRecogniseWhatTheyForbid() {
    assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
    assertThat(INLINE_SCRIPT.matcher("<script type=\"module\" src=\"/site/a.js\">").find())
        .isFalse();
    assertThat(HANDLER_OR_STYLE.matcher("<img src=x onerror=\"x()\">").find()).isTrue();
    assertThat(HANDLER_OR_STYLE.matcher("<p style=\"color:red\">").find()).isTrue();
    assertThat(HANDLER_OR_STYLE.matcher("<p class=\"hint\">").find()).isFalse();
    assertThat(MARKUP_OR_CODE.matcher("main.innerHTML = title").find()).isTrue();
    assertThat(MARKUP_OR_CODE.matcher("element.textContent = title").find()).isFalse();
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(SITE)) {
      return walk.filter(p -> p.toString().endsWith(suffix))
          .filter(p -> !SITE.relativize(p).startsWith("vendor"))
          .sorted()
          .toList();
    }
  }

  private static void collect(List<String> found, Path file, Matcher matcher) {
    while (matcher.find()) {
      found.add(file.getFileName() + ": " + matcher.group());
    }
  }
}
