package cn.yishi.signature;

/**
 * The answer of {@link SignatureService#verify(String)}: whether a signed record is intact, and if
 * not, why (with a Chinese description for the audit trail).
 *
 * @param recordId the record asked about
 * @param intact true when the content hash and the signature both check out
 * @param problem {@link Problem#NONE} when intact
 */
public record Verification(String recordId, boolean intact, Problem problem) {

  /** Why a record is not intact. */
  public enum Problem {
    NONE("签名有效，记录完整"),
    UNKNOWN_RECORD("没有这条签名记录"),
    HASH_MISMATCH("记录内容与签名时的摘要不一致，内容已被改动"),
    UNKNOWN_KEY("记录不是由本系统的签名密钥签署的"),
    BAD_SIGNATURE("签名无效：记录的签名或元数据已被改动");

    private final String description;

    Problem(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  static Verification intact(String recordId) {
    return new Verification(recordId, true, Problem.NONE);
  }

  static Verification broken(String recordId, Problem problem) {
    return new Verification(recordId, false, problem);
  }

  /** The Chinese explanation, for the audit trail. */
  public String description() {
    return problem.description();
  }
}
