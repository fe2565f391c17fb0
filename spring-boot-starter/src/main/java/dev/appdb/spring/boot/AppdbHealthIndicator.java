package dev.appdb.spring.boot;

import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code appdb} health indicator on Spring Boot 3's actuator API
 * ({@code org.springframework.boot.actuate.health}); Boot 4 moved it to
 * {@code org.springframework.boot.health.contributor}. Boot-3-only, with
 * {@link AppdbHealthConfiguration}: {@link AppdbBoot4HealthIndicator} is Boot 4's; everything else of the starter is Boot-neutral.
 */
public final class AppdbHealthIndicator implements HealthIndicator {

  private final AppdbHealth health;

  /** @param health the check, shared by Boot's versions */
  public AppdbHealthIndicator(AppdbHealth health) {
    this.health = Objects.requireNonNull(health, "health");
  }

  @Override
  public Health health() {
    AppdbHealth.Result result = health.check();
    return Health.status(new Status(result.status().name())).withDetails(result.details())
        .build();
  }
}
