package dev.appdb.spring.boot;

import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code appdb} health indicator on Spring Boot 4's health API
 * ({@code org.springframework.boot.health.contributor}, artifact {@code spring-boot-health});
 * {@link AppdbHealthIndicator} is Boot 3's. Boot-4-only, with
 * {@link AppdbBoot4HealthConfiguration}; both delegate to {@link AppdbHealth}.
 */
public final class AppdbBoot4HealthIndicator implements HealthIndicator {

  private final AppdbHealth health;

  /** @param health the check, shared by Boot's versions */
  public AppdbBoot4HealthIndicator(AppdbHealth health) {
    this.health = Objects.requireNonNull(health, "health");
  }

  @Override
  public Health health() {
    AppdbHealth.Result result = health.check();
    return Health.status(new Status(result.status().name())).withDetails(result.details())
        .build();
  }
}
