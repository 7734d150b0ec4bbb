package cn.yishi.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;

/**
 * The strict reading of a public API request body (CONTRACT §4), the same for every POST under
 * {@code /api}: the body must be declared {@code application/json} (or {@code application/*+json};
 * no wildcards, charset UTF-8 if one is named) or the answer is 415; over {@link #MAX_BYTES} it is
 * 413; it must be one JSON object with only the allowed fields, else 400 naming each bad field (a
 * text holding U+0000 is bad too: PostgreSQL cannot store it). Numbers are kept exactly as sent
 * ({@link java.math.BigInteger} / {@link java.math.BigDecimal} when they do not fit a long), so a
 * value out of range is refused, never wrapped or rounded to infinity.
 *
 * <p>The body is read from the request here (not by Spring's {@code @RequestBody}), so a wildcard,
 * empty or malformed Content-Type never reaches Spring's message converters.
 */
public final class JsonBody {

  /** A text holding U+0000, which no database column of Yishi can store. */
  public static final String NUL_MESSAGE = "不能包含空字符（U+0000）";

  /** The largest body the public API accepts (CONTRACT §4: over 64 KB is 413). */
  public static final int MAX_BYTES = 64 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private JsonBody() {}

  /**
   * The request's body as a map of the allowed fields (strings, booleans, Long or BigInteger for
   * integers, BigDecimal for other numbers, null for JSON null).
   *
   * @param refused fields refused with their own message (e.g. {@code exclusion} sent by a
   *     resident)
   * @throws UnsupportedBody 415
   * @throws TooLarge 413
   * @throws Invalid 400, naming every bad field ({@code body} when it is not a JSON object)
   */
  public static Map<String, Object> read(
      HttpServletRequest request, Set<String> allowed, Map<String, String> refused) {
    requireJson(request.getHeader("Content-Type"));
    return parse(readAtMost(request), allowed, refused);
  }

  /** 415 unless the Content-Type is concrete JSON with no charset other than UTF-8. */
  static void requireJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw new UnsupportedBody();
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException, an unknown charset
      throw new UnsupportedBody();
    }
    boolean json =
        "application".equals(type.getType())
            && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
            && !type.isWildcardSubtype();
    if (!json || (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset()))) {
      throw new UnsupportedBody();
    }
  }

  private static byte[] readAtMost(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw new TooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BYTES) {
          throw new TooLarge();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Invalid(List.of(new FieldProblem("body", "请求体读取失败")));
    }
  }

  static Map<String, Object> parse(byte[] body, Set<String> allowed, Map<String, String> refused) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new Invalid(List.of(new FieldProblem("body", "不是有效的 JSON")));
    }
    if (node == null || !node.isObject()) {
      throw new Invalid(List.of(new FieldProblem("body", "须为 JSON 对象")));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    List<FieldProblem> errors = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            e -> {
              String field = e.getKey();
              if (refused.containsKey(field)) {
                errors.add(new FieldProblem(field, refused.get(field)));
                return;
              }
              if (!allowed.contains(field)) {
                errors.add(new FieldProblem(field, "未知字段"));
                return;
              }
              JsonNode v = e.getValue();
              if (v.isNull()) {
                fields.put(field, null);
              } else if (v.isTextual() && v.textValue().indexOf('\u0000') >= 0) {
                // PostgreSQL cannot store it (text has no NUL): refused alike on every database
                errors.add(new FieldProblem(field, NUL_MESSAGE));
              } else if (v.isTextual()) {
                fields.put(field, v.textValue());
              } else if (v.isBoolean()) {
                fields.put(field, v.booleanValue());
              } else if (v.isIntegralNumber()) {
                fields.put(
                    field, v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue());
              } else if (v.isNumber()) {
                fields.put(field, v.decimalValue());
              } else {
                errors.add(new FieldProblem(field, "类型不正确"));
              }
            });
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return fields;
  }

  /**
   * The text fields among {@code fields} that are not strings (or null) are named: {@code 须为文字}.
   *
   * @throws Invalid naming each
   */
  public static void requireText(Map<String, Object> fields, Set<String> names) {
    List<FieldProblem> errors = new ArrayList<>();
    for (String name : names) {
      Object value = fields.get(name);
      if (value != null && !(value instanceof String)) {
        errors.add(new FieldProblem(name, "须为文字"));
      }
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
  }

  /** One refused field of a request: its name and a Chinese message. */
  public record FieldProblem(String field, String message) {}

  /** 400: the body is not a JSON object of the allowed fields. */
  public static class Invalid extends RuntimeException {
    private final List<FieldProblem> errors;

    public Invalid(List<FieldProblem> errors) {
      super("请求内容有误");
      this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
      return errors;
    }
  }

  /** 415: not declared as UTF-8 JSON. */
  public static class UnsupportedBody extends RuntimeException {
    UnsupportedBody() {
      super("请求体须为 JSON（Content-Type: application/json，UTF-8）");
    }
  }

  /** 413: over {@link #MAX_BYTES}. */
  public static class TooLarge extends RuntimeException {
    TooLarge() {
      super("请求体不能超过 64 KB");
    }
  }
}
