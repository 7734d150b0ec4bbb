package cn.yishi.organisation;

/**
 * A unit or department code that the organisation does not know, or a role the unit does not have.
 * Thrown from lookups and from the {@code groups} bean used in BPMN expressions.
 */
public class UnknownUnitException extends IllegalArgumentException {

  public UnknownUnitException(String message) {
    super(message);
  }
}
