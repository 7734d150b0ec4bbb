package cn.yishi.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How proposal numbers are written ({@code yishi.numbering.*}).
 *
 * @param prefix what every number starts with, as in {@code JN-2026-000123} (default JN)
 */
@Validated
@ConfigurationProperties(prefix = "yishi.numbering")
public record NumberingProperties(
    @DefaultValue("JN") @NotBlank @Pattern(regexp = "[A-Za-z0-9]+", message = "提案编号前缀只能包含字母和数字")
        String prefix) {}
