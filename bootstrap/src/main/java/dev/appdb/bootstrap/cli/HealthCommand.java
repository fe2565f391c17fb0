package dev.appdb.bootstrap.cli;

import dev.appdb.application.health.HealthReport;
import dev.appdb.domain.error.InfrastructureException;
import picocli.CommandLine.Command;

/**
 * {@code appdb health}: a readiness probe; exit 0 when up, 3 when down (also when the database
 * cannot even be opened).
 */
@Command(name = "health", description = "Check the database: up/down, round trip, version.")
public final class HealthCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    HealthReport report;
    try {
      report = appdbWithoutMigrating().probe().health(); // a probe never changes the schema
    } catch (InfrastructureException unavailable) {
      report = new HealthReport(false, null, null, unavailable.getMessage());
    }
    output().health(report);
    return report.up() ? ExitCodes.OK : ExitCodes.DATABASE;
  }
}
