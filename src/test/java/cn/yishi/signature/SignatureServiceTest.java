package cn.yishi.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing and verifying records against the real table (H2) and real Ed25519 key files. */
class SignatureServiceTest {

  private static final String NUMBER = "JN-2026-000123";

  @TempDir Path keys;
  @TempDir Path otherKeys;
  private SignatureTestSupport database;
  private SignatureService signatures;

  @BeforeEach
  void setUp() {
    database = new SignatureTestSupport();
    signatures = database.service(keys);
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  private static Map<String, Object> meetingRecord() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("number", NUMBER);
    content.put("meetingStep", "商议");
    content.put("members", 7);
    content.put("present", 6);
    content.put("inFavour", 5);
    content.put("outcome", "PASSED");
    content.put("participants", List.of("张建国", "李秀英"));
    content.put("minutes", null);
    content.put("recordedBy", "secretary-jldbl");
    return content;
  }

  private SignedRecord signMeeting() {
    return signatures.sign("MEETING", NUMBER, meetingRecord(), "secretary-jldbl");
  }

  @Test
  void aSignedRecordIsStoredAsCanonicalJsonAndVerifiesIntact() {
    SignedRecord record = signMeeting();

    assertThat(record.content())
        .isEqualTo(
            "{\"inFavour\":5,\"meetingStep\":\"商议\",\"members\":7,\"minutes\":null,\"number\":\"JN-2026-000123\","
                + "\"outcome\":\"PASSED\",\"participants\":[\"张建国\",\"李秀英\"],\"present\":6,\"recordedBy\":\"secretary-jldbl\"}");
    assertThat(record.contentHash()).isEqualTo(CanonicalJson.sha256(record.content())).hasSize(64);
    assertThat(record.keyId()).isEqualTo(signatures.keyId()).hasSize(64);
    assertThat(record.kind()).isEqualTo(RecordKind.MEETING);
    assertThat(signatures.record(record.id())).contains(record);

    Verification verification = signatures.verify(record.id());
    assertThat(verification.intact()).isTrue();
    assertThat(verification.problem()).isEqualTo(Verification.Problem.NONE);
    assertThat(verification.description()).isEqualTo("签名有效，记录完整");
  }

  @Test
  void theSameContentInAnyKeyOrderHasTheSameHash() {
    SignedRecord first = signMeeting();
    SignedRecord second =
        signatures.sign("MEETING", NUMBER, new TreeMap<>(meetingRecord()), "secretary-jldbl");

    assertThat(second.contentHash()).isEqualTo(first.contentHash());
    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void contentChangedInTheDatabaseIsNotIntact() {
    SignedRecord record = signMeeting();
    database.jdbc.update(
        "UPDATE signature_record SET content = REPLACE(content, '\"inFavour\":5', '\"inFavour\":2') WHERE id = ?",
        record.id());

    Verification verification = signatures.verify(record.id());

    assertThat(verification.intact()).isFalse();
    assertThat(verification.problem()).isEqualTo(Verification.Problem.HASH_MISMATCH);
    assertThat(verification.description()).contains("内容已被改动");
  }

  @Test
  void contentChangedTogetherWithItsHashFailsTheSignature() {
    SignedRecord record = signMeeting();
    String forged = record.content().replace("\"outcome\":\"PASSED\"", "\"outcome\":\"REJECTED\"");
    database.jdbc.update(
        "UPDATE signature_record SET content = ?, content_hash = ? WHERE id = ?",
        forged,
        CanonicalJson.sha256(forged),
        record.id());

    assertThat(signatures.verify(record.id()).problem())
        .isEqualTo(Verification.Problem.BAD_SIGNATURE);
  }

  @Test
  void aChangedSignerOrTimeFailsTheSignature() {
    SignedRecord signer = signMeeting();
    database.jdbc.update(
        "UPDATE signature_record SET signed_by = 'someone-else' WHERE id = ?", signer.id());
    SignedRecord time = signMeeting();
    database.jdbc.update(
        "UPDATE signature_record SET signed_at = ? WHERE id = ?",
        java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"),
        time.id());

    assertThat(signatures.verify(signer.id()).problem())
        .isEqualTo(Verification.Problem.BAD_SIGNATURE);
    assertThat(signatures.verify(time.id()).problem())
        .isEqualTo(Verification.Problem.BAD_SIGNATURE);
  }

  @Test
  void aRecordAlteredInMemoryIsNotIntactEither() {
    SignedRecord record = signMeeting();
    SignedRecord altered =
        new SignedRecord(
            record.id(),
            "JN-2026-999999",
            record.kind(),
            record.content(),
            record.contentHash(),
            record.signature(),
            record.keyId(),
            record.signedBy(),
            record.signedAt());
    SignedRecord garbage =
        new SignedRecord(
            record.id(),
            record.proposalNumber(),
            record.kind(),
            record.content(),
            record.contentHash(),
            "not base64!",
            record.keyId(),
            record.signedBy(),
            record.signedAt());

    assertThat(signatures.verify(altered).problem()).isEqualTo(Verification.Problem.BAD_SIGNATURE);
    assertThat(signatures.verify(garbage).problem()).isEqualTo(Verification.Problem.BAD_SIGNATURE);
  }

  @Test
  void anUnknownRecordIsNotIntact() {
    Verification verification = signatures.verify("00000000-0000-0000-0000-000000000000");

    assertThat(verification.intact()).isFalse();
    assertThat(verification.problem()).isEqualTo(Verification.Problem.UNKNOWN_RECORD);
    assertThat(signatures.verify((String) null).problem())
        .isEqualTo(Verification.Problem.UNKNOWN_RECORD);
  }

  @Test
  void theKeyPairIsGeneratedOnceAndReusedByLaterInstances() throws Exception {
    Path privateKey = keys.resolve(SigningKeys.PRIVATE_KEY_FILE);
    Path publicKey = keys.resolve(SigningKeys.PUBLIC_KEY_FILE);
    assertThat(privateKey).exists();
    assertThat(publicKey).exists();
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    String privateBefore = Files.readString(privateKey);
    SignedRecord record = signMeeting();

    SignatureService restarted = database.service(keys);

    assertThat(restarted.keyId()).isEqualTo(signatures.keyId());
    assertThat(Files.readString(privateKey)).isEqualTo(privateBefore);
    assertThat(restarted.verify(record.id()).intact()).isTrue();
  }

  @Test
  void aRecordSignedWithAnotherKeyIsNotIntact() {
    SignatureService otherDeployment = database.service(otherKeys);
    SignedRecord foreign =
        otherDeployment.sign("RESULT", NUMBER, Map.of("result", "已完成"), "intruder");

    assertThat(otherDeployment.keyId()).isNotEqualTo(signatures.keyId());
    assertThat(signatures.verify(foreign.id()).problem())
        .isEqualTo(Verification.Problem.UNKNOWN_KEY);

    // a forger who also copies this deployment's key id into the record
    database.jdbc.update(
        "UPDATE signature_record SET key_id = ? WHERE id = ?", signatures.keyId(), foreign.id());
    assertThat(signatures.verify(foreign.id()).problem())
        .isEqualTo(Verification.Problem.BAD_SIGNATURE);
  }

  @Test
  void aKeyDirectoryMissingOneOfItsFilesIsAnErrorNotANewKey() throws Exception {
    Files.delete(keys.resolve(SigningKeys.PUBLIC_KEY_FILE));

    assertThatThrownBy(() -> SigningKeys.loadOrGenerate(keys))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds only one of");
    assertThat(keys.resolve(SigningKeys.PUBLIC_KEY_FILE)).doesNotExist();
  }

  @Test
  void keysThatDoNotBelongTogetherAreRefused() throws Exception {
    SigningKeys.loadOrGenerate(otherKeys);
    Files.copy(
        otherKeys.resolve(SigningKeys.PUBLIC_KEY_FILE),
        keys.resolve(SigningKeys.PUBLIC_KEY_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> SigningKeys.loadOrGenerate(keys))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("do not belong together");
  }

  @Test
  void recordsOfAProposalAreListedOldestFirstAndOnlyTheirs() {
    SignedRecord meeting = signMeeting();
    SignedRecord result =
        signatures.sign("RESULT", NUMBER, Map.of("result", "电梯已投入使用"), "caseworker-li");
    signatures.sign("RESULT", "JN-2026-000999", Map.of("result", "其他提案"), "caseworker-li");

    assertThat(signatures.records(NUMBER))
        .extracting(SignedRecord::id)
        .containsExactlyInAnyOrder(meeting.id(), result.id());
    assertThat(signatures.records(NUMBER))
        .extracting(SignedRecord::kind)
        .contains(RecordKind.MEETING, RecordKind.RESULT);
  }

  @Test
  void aRecordNeedsAKnownKindANumberAndASigner() {
    assertThatThrownBy(() -> signatures.sign("MINUTES", NUMBER, meetingRecord(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signatures.sign("MEETING", " ", meetingRecord(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proposalNumber");
    assertThatThrownBy(() -> signatures.sign("MEETING", NUMBER, meetingRecord(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signedBy");
    assertThatThrownBy(
            () -> signatures.sign("MEETING", NUMBER, Map.of("minutes", "字".repeat(100_001)), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }
}
