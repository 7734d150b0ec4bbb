package cn.yishi.common;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.time-zone} (application.yaml, {@code YISHI_TIME_ZONE}): the business time zone, a
 * region id such as {@code Asia/Shanghai}; a value that is no time zone fails startup. Read only by
 * {@link BusinessTime}; everything else asks it.
 */
@Validated
@ConfigurationProperties("yishi")
public record TimeProperties(@NotNull @DefaultValue("Asia/Shanghai") ZoneId timeZone) {}
