package cn.yishi.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.notification.*} (application.yaml).
 *
 * @param channel the {@link NotificationChannel} new notifications go through ({@code log} by
 *     default); one that no channel bean has stops Yishi at start ({@link DeliverNotification})
 */
@Validated
@ConfigurationProperties("yishi.notification")
public record NotificationProperties(
    @DefaultValue(LogNotificationChannel.NAME) @NotBlank String channel) {}
