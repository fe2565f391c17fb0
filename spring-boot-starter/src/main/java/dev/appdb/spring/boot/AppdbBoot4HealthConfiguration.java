package dev.appdb.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link AppdbBoot4HealthIndicator} (contributor name {@code appdb}) when Spring Boot
 * 4's health API ({@code spring-boot-health}, brought by {@code spring-boot-starter-actuator}) is
 * on the class path. Boot-4-only, like the indicator; {@link AppdbHealthConfiguration} is Boot 3's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class AppdbBoot4HealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "appdbHealthIndicator")
  AppdbBoot4HealthIndicator appdbHealthIndicator(AppdbHealth appdbHealth) {
    return new AppdbBoot4HealthIndicator(appdbHealth);
  }
}
