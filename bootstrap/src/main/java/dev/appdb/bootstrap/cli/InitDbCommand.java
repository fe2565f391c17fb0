package dev.appdb.bootstrap.cli;

import picocli.CommandLine.Command;

/** {@code appdb init-db}: apply pending migrations (the seed's {@code init_db()}). */
@Command(name = "init-db", description = "Create or migrate the schema (Flyway; idempotent).")
public final class InitDbCommand extends AppdbSubcommand {

  @Override
  public Integer call() {
    output().migrated(appdbWithoutMigrating().migrate());
    return ExitCodes.OK;
  }
}
