package cn.yishi.notification;

/**
 * Masks a phone number for logs and public views (CONTRACT §1: never shown unmasked outside staff
 * views): the first three and last four digits stay, e.g. {@code 138****0000}.
 */
public final class PhoneMasking {

  private PhoneMasking() {}

  public static String mask(String phone) {
    if (phone == null) {
      return null;
    }
    String trimmed = phone.trim();
    if (trimmed.length() < 8) {
      return "*".repeat(trimmed.length());
    }
    return trimmed.substring(0, 3)
        + "*".repeat(trimmed.length() - 7)
        + trimmed.substring(trimmed.length() - 4);
  }
}
