package dev.appdb.bootstrap.cli;

import picocli.CommandLine.Command;

/** {@code appdb pool-status}: the seed's {@code get_pool_status()}. */
@Command(name = "pool-status",
    description = "Show this process's connection pool (opened for this command, so its"
        + " counters start at zero): size, checked in/out, overflow, waiting.")
public final class PoolStatusCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    output().poolStatus(appdb().probe().poolStatus());
    return ExitCodes.OK;
  }
}
