package dev.appdb.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link AppdbHealthIndicator} (contributor name {@code appdb}) when Spring Boot 3's
 * actuator is on the class path. Boot-3-only, like the indicator; {@link AppdbBoot4HealthConfiguration} is Boot 4's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
class AppdbHealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "appdbHealthIndicator")
  AppdbHealthIndicator appdbHealthIndicator(AppdbHealth appdbHealth) {
    return new AppdbHealthIndicator(appdbHealth);
  }
}
