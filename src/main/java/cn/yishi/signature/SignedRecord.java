package cn.yishi.signature;

import java.time.Instant;

/**
 * One electronically signed record as stored (table {@code signature_record}): what was signed
 * ({@code content}, canonical JSON with sorted keys), its SHA-256 hash, the Ed25519 signature, the
 * key that made it, who recorded it and when. Immutable: a correction is a new record.
 *
 * @param id UUID of the record (the {@code meetingRecordId} / {@code resultRecordId} of a process)
 * @param proposalNumber the proposal it belongs to, e.g. {@code JN-2026-000123}
 * @param kind meeting record or result
 * @param content canonical JSON of the signed content
 * @param contentHash SHA-256 of {@code content} (UTF-8), lower-case hex
 * @param signature Ed25519 signature of {@link #signedPayload()}, base64
 * @param keyId fingerprint of the public key that signed it ({@link SigningKeys#keyId()})
 * @param signedBy the user who recorded it
 * @param signedAt when it was signed (millisecond precision, as stored)
 */
public record SignedRecord(
    String id,
    String proposalNumber,
    RecordKind kind,
    String content,
    String contentHash,
    String signature,
    String keyId,
    String signedBy,
    Instant signedAt) {

  /**
   * What the signature covers: the record's identity and metadata with the content's hash, so that
   * changing any of them (not only the content) breaks the signature.
   */
  public String signedPayload() {
    return String.join(
        "\n",
        "yishi-signature-v1",
        id,
        kind.name(),
        proposalNumber,
        contentHash,
        signedBy,
        signedAt.toString());
  }
}
