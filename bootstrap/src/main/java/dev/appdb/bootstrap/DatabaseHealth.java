package dev.appdb.bootstrap;

import dev.appdb.application.health.HealthReport;
import java.util.Objects;

/**
 * The health of one named database.
 *
 * @param name the database's name, e.g. {@code temporal}
 * @param required whether it being down fails the whole check
 * @param report its health (up/down, round trip, version; no schema state)
 */
public record DatabaseHealth(String name, boolean required, HealthReport report) {

  /** @throws NullPointerException when name or report is null */
  public DatabaseHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(report, "report");
  }

  /** @return whether it is up, or does not need to be */
  public boolean acceptable() {
    return report.up() || !required;
  }
}
