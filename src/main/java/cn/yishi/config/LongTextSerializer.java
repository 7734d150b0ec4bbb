package cn.yishi.config;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores a string variable longer than Camunda's {@value #TEXT_COLUMN_LENGTH}-character {@code
 * TEXT_} columns (a 5,000-character description, a meeting's participants, a result): the whole
 * text as UTF-8 in the variable's byte array ({@code ACT_GE_BYTEARRAY}), its first {@value
 * #EXCERPT_LENGTH} characters in {@code TEXT_} for Cockpit and queries, under the serializer name
 * {@value #NAME}. It reads back as an ordinary {@code String}: the REST API, Tasklist's forms,
 * Cockpit and the Java API see type {@code String} and the whole text, in the runtime tables and in
 * history alike (the history producer copies a variable's byte array into history and reads it back
 * through the serializer named in the row).
 *
 * <p>Strings of at most {@value #TEXT_COLUMN_LENGTH} characters are not touched: the engine's own
 * {@code string} serializer keeps them, so nothing changes for them.
 */
public class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

  /** The serializer name kept in {@code TYPE_} of variable rows that hold a long text. */
  public static final String NAME = "yishiLongString";

  /** Characters a Camunda {@code TEXT_} column holds (VARCHAR(4000) on H2 and PostgreSQL). */
  public static final int TEXT_COLUMN_LENGTH = 4000;

  /** Characters of a long text kept in {@code TEXT_}. */
  public static final int EXCERPT_LENGTH = 1000;

  public LongTextSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Only strings the standard {@code string} serializer cannot store. */
  @Override
  public boolean canHandle(TypedValue value) {
    return super.canHandle(value) && isLong(value.getValue());
  }

  static boolean isLong(Object value) {
    return value instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    String text = value.getValue();
    valueFields.setTextValue(excerpt(text));
    valueFields.setByteArrayValue(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    String text =
        bytes != null ? new String(bytes, StandardCharsets.UTF_8) : valueFields.getTextValue();
    return Variables.stringValue(text, asTransientValue);
  }

  /** The first {@value #EXCERPT_LENGTH} characters, never ending in half a surrogate pair. */
  static String excerpt(String text) {
    if (text.length() <= EXCERPT_LENGTH) {
      return text;
    }
    int end = EXCERPT_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
