package cn.yishi.signature;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.signature.*} (application.yaml, {@code YISHI_SIGNATURE_KEY_DIRECTORY}).
 *
 * @param keyDirectory where the Ed25519 key pair is kept ({@link SigningKeys}); generated there on
 *     first start, then reused. Keep it on persistent storage: a new key cannot verify older
 *     records.
 */
@Validated
@ConfigurationProperties("yishi.signature")
public record SignatureProperties(@NotBlank @DefaultValue("./data/keys") String keyDirectory) {}
