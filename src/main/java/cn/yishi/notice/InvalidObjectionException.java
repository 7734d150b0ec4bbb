package cn.yishi.notice;

/**
 * An objection with a missing or too long field (the public API answers 400 naming {@link
 * #field()}); nothing is stored.
 */
public class InvalidObjectionException extends IllegalArgumentException {

  private final String field;

  public InvalidObjectionException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
