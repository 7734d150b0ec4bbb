package cn.yishi.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The deployment's Ed25519 key pair for electronic signatures (电子签名). It lives in two PEM files in
 * a key directory, {@value #PRIVATE_KEY_FILE} (PKCS#8) and {@value #PUBLIC_KEY_FILE} (X.509), so
 * that it survives restarts and can be backed up, inspected ({@code openssl pkey -in …}) or
 * replaced by operators. The pair is generated on the first start when neither file exists and
 * reused afterwards: regenerating it would make every earlier signature unverifiable, so a
 * directory holding only one of the two files, or two files that do not belong together, is an
 * error, never a reason to generate a new pair.
 */
public final class SigningKeys {

  public static final String ALGORITHM = "Ed25519";
  public static final String PRIVATE_KEY_FILE = "signing-key.pem";
  public static final String PUBLIC_KEY_FILE = "signing-key.pub.pem";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = fingerprint(publicKey);
  }

  /** The key pair in {@code directory}: loaded if present, generated (and stored) if not. */
  public static SigningKeys loadOrGenerate(Path directory) {
    Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
    Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
    try {
      if (!Files.exists(privateFile) && !Files.exists(publicFile)) {
        generate(directory, privateFile, publicFile);
      }
      if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
        throw new IllegalStateException(
            "signing key directory "
                + directory.toAbsolutePath()
                + " holds only one of "
                + PRIVATE_KEY_FILE
                + " and "
                + PUBLIC_KEY_FILE
                + "; restore the missing file from a backup (a new key pair would make earlier signatures unverifiable)");
      }
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
      PublicKey publicKey =
          factory.generatePublic(new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
      SigningKeys keys = new SigningKeys(privateKey, publicKey);
      keys.checkTheyBelongTogether(directory);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or write the signing keys in " + directory.toAbsolutePath(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the signing keys in " + directory.toAbsolutePath() + " are not valid Ed25519 keys", e);
    }
  }

  /** SHA-256 of the X.509 encoding of the public key, hex: names the key in every record. */
  public String keyId() {
    return keyId;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The Ed25519 signature of {@code data}. */
  public byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Whether {@code signature} is this key's signature of {@code data}; false for malformed input.
   */
  public boolean verify(byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static String fingerprint(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private void checkTheyBelongTogether(Path directory) {
    byte[] probe = "yishi signing key probe".getBytes(StandardCharsets.UTF_8);
    if (!verify(probe, sign(probe))) {
      throw new IllegalStateException(
          "the private and public signing keys in "
              + directory.toAbsolutePath()
              + " do not belong together");
    }
  }

  private static void generate(Path directory, Path privateFile, Path publicFile)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    // the private key first: a concurrent first start that loses the race keeps the winner's pair
    boolean written =
        writeOnce(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    if (written) {
      writeOnce(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    }
  }

  /** Writes {@code text} to a temporary file and moves it into place unless the target exists. */
  private static boolean writeOnce(Path target, String text, boolean secret) throws IOException {
    Path temporary =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (secret) {
        try {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the directory's own protection applies
        }
      }
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      if (Files.exists(target)) {
        return false;
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] readPem(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(file.toAbsolutePath() + " is not a PEM file of type " + type);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }
}
