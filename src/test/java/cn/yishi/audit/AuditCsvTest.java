package cn.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));

  @Test
  void opensWithTheByteOrderMarkAndTheDocumentedHeader() {
    String csv = AuditCsv.write(List.of());

    assertThat(csv).startsWith("\uFEFF时间,类别,流程,步骤,办理人,结果,详情\r\n");
  }

  @Test
  void writesOneRowPerEventEvenWhenUserTextHasLineBreaks() {
    AuditEvent correction =
        new AuditEvent(
            AT,
            AuditEvent.Kind.CORRECTION,
            "pi-1",
            null,
            "分拣",
            "caseworker",
            "王芳",
            null,
            Map.of("field", "类别", "reason", "居民写错了，\n实为\"公共设施\""),
            null);
    AuditEvent signature =
        new AuditEvent(
            AT, AuditEvent.Kind.SIGNATURE, null, null, "会议记录签名", null, null, null, Map.of(), false);

    String csv = AuditCsv.write(List.of(correction, signature));

    List<String> rows = List.of(csv.substring(1).split("\r\n"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1))
        .isEqualTo(
            "2026-05-01T09:30:00+08:00,更正,pi-1,分拣,王芳（caseworker）,,"
                + "\"field=类别；reason=居民写错了，\n实为\"\"公共设施\"\"\"");
    assertThat(rows.get(2)).endsWith(",签名,,会议记录签名,,,验签失败");
  }

  @Test
  void defusesSpreadsheetFormulasInUserText() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(AuditCsv.cell("+86 138")).isEqualTo("'+86 138");
    assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("普通文字")).isEqualTo("普通文字");
  }
}
