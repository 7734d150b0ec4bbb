package cn.yishi.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yishi.demo-data} (application.yaml; the {@code prod} profile sets it false and {@code
 * cn.yishi.security.ProductionGuard} refuses it there): whether {@link IdentitySync} creates the
 * demo users of {@link OrganisationProperties#demoUsers()}.
 */
@ConfigurationProperties("yishi")
public record DemoDataProperties(@DefaultValue("false") boolean demoData) {}
