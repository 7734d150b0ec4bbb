package cn.yishi.signature;

import cn.yishi.common.SqlLists;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Electronic signatures (电子签名) of meeting records and implementation results, so that an auditor
 * can tell years later that a record is what the meeting decided and who recorded it.
 *
 * <p>{@link #sign} stores the content as canonical JSON with its SHA-256 hash and an Ed25519
 * signature made with the deployment's key ({@link SigningKeys}, in {@code
 * yishi.signature.key-directory}, default {@code ./data/keys}) in the table {@code
 * signature_record}, in the caller's transaction (the engine step that signs). {@link #verify}
 * recomputes the hash and checks the signature with the deployment's public key: changing the
 * content, the signer, the time, or forging a record with another key all show.
 */
@Service
public class SignatureService {

  /** Longest canonical content stored (the column's size). */
  public static final int MAX_CONTENT_LENGTH = 100_000;

  private static final String COLUMNS =
      "id, proposal_number, kind, content, content_hash, signature, key_id, signed_by, signed_at";

  private final JdbcTemplate jdbc;
  private final SigningKeys keys;

  public SignatureService(JdbcTemplate jdbc, SigningKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  @Autowired
  public SignatureService(JdbcTemplate jdbc, SignatureProperties properties) {
    this(jdbc, SigningKeys.loadOrGenerate(Path.of(properties.keyDirectory())));
  }

  /**
   * Signs and stores a record.
   *
   * @param kind {@code MEETING} or {@code RESULT}
   * @param proposalNumber the proposal's number
   * @param content what is signed; keys are sorted, values must be JSON-writable
   * @param signedBy the user who recorded it
   * @return the stored record
   */
  public SignedRecord sign(
      String kind, String proposalNumber, Map<String, Object> content, String signedBy) {
    RecordKind recordKind = RecordKind.valueOf(Objects.requireNonNull(kind, "kind"));
    requireText(proposalNumber, "proposalNumber");
    requireText(signedBy, "signedBy");
    String canonical = CanonicalJson.of(Objects.requireNonNull(content, "content"));
    if (canonical.length() > MAX_CONTENT_LENGTH) {
      throw new IllegalArgumentException(
          "signed content is "
              + canonical.length()
              + " characters, at most "
              + MAX_CONTENT_LENGTH
              + " are stored");
    }
    SignedRecord unsigned =
        new SignedRecord(
            UUID.randomUUID().toString(),
            proposalNumber,
            recordKind,
            canonical,
            CanonicalJson.sha256(canonical),
            null,
            keys.keyId(),
            signedBy,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    String signature =
        Base64.getEncoder()
            .encodeToString(keys.sign(unsigned.signedPayload().getBytes(StandardCharsets.UTF_8)));
    SignedRecord record =
        new SignedRecord(
            unsigned.id(),
            unsigned.proposalNumber(),
            unsigned.kind(),
            unsigned.content(),
            unsigned.contentHash(),
            signature,
            unsigned.keyId(),
            unsigned.signedBy(),
            unsigned.signedAt());
    jdbc.update(
        "INSERT INTO signature_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        record.id(),
        record.proposalNumber(),
        record.kind().name(),
        record.content(),
        record.contentHash(),
        record.signature(),
        record.keyId(),
        record.signedBy(),
        OffsetDateTime.ofInstant(record.signedAt(), ZoneOffset.UTC));
    return record;
  }

  /** Whether the stored record is intact, and if not, why. */
  public Verification verify(String recordId) {
    Optional<SignedRecord> found = record(recordId);
    if (found.isEmpty()) {
      return Verification.broken(recordId, Verification.Problem.UNKNOWN_RECORD);
    }
    return verify(found.get());
  }

  /** Checks a record as given (e.g. one read by an export), without reading the table. */
  public Verification verify(SignedRecord record) {
    if (!CanonicalJson.sha256(record.content()).equals(record.contentHash())) {
      return Verification.broken(record.id(), Verification.Problem.HASH_MISMATCH);
    }
    if (!keys.keyId().equals(record.keyId())) {
      return Verification.broken(record.id(), Verification.Problem.UNKNOWN_KEY);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(record.signature());
    } catch (IllegalArgumentException e) {
      return Verification.broken(record.id(), Verification.Problem.BAD_SIGNATURE);
    }
    boolean valid = keys.verify(record.signedPayload().getBytes(StandardCharsets.UTF_8), signature);
    return valid
        ? Verification.intact(record.id())
        : Verification.broken(record.id(), Verification.Problem.BAD_SIGNATURE);
  }

  /** The stored record with this id. */
  public Optional<SignedRecord> record(String recordId) {
    if (recordId == null) {
      return Optional.empty();
    }
    return jdbc
        .query("SELECT " + COLUMNS + " FROM signature_record WHERE id = ?", ROW, recordId)
        .stream()
        .findFirst();
  }

  /** Every signed record of a proposal, oldest first. */
  public List<SignedRecord> records(String proposalNumber) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM signature_record WHERE proposal_number = ? ORDER BY signed_at, id",
        ROW,
        proposalNumber);
  }

  /**
   * How many records of this kind have been signed for the proposal (e.g. its recorded results).
   */
  public int count(String proposalNumber, RecordKind kind) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM signature_record WHERE proposal_number = ? AND kind = ?",
            Integer.class,
            proposalNumber,
            kind.name());
    return count == null ? 0 : count;
  }

  /** Fingerprint of the deployment's public key. */
  public String keyId() {
    return keys.keyId();
  }

  private static final RowMapper<SignedRecord> ROW =
      (rs, row) ->
          new SignedRecord(
              rs.getString("id"),
              rs.getString("proposal_number"),
              RecordKind.valueOf(rs.getString("kind")),
              rs.getString("content"),
              rs.getString("content_hash"),
              rs.getString("signature"),
              rs.getString("key_id"),
              rs.getString("signed_by"),
              rs.getObject("signed_at", OffsetDateTime.class).toInstant());

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * Removes the signed records of these proposals (their history has expired: cn.yishi.retention).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM signature_record WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
