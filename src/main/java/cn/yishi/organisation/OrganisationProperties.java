package cn.yishi.organisation;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.organisation.*} (application.yaml): where the organisation's data files are (Spring
 * resource locations, e.g. {@code classpath:…} or {@code file:…}).
 *
 * @param location units and departments ({@link OrganisationService})
 * @param demoUsers the demo users ({@link DemoUsers}), created only with {@code yishi.demo-data}
 */
@Validated
@ConfigurationProperties("yishi.organisation")
public record OrganisationProperties(
    @NotBlank @DefaultValue("classpath:organisation/jinniu.json") String location,
    @NotBlank @DefaultValue("classpath:organisation/demo-users.json") String demoUsers) {}
