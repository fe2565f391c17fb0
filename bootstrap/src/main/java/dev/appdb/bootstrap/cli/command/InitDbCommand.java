package dev.appdb.bootstrap.cli.command;

import dev.appdb.bootstrap.cli.AppdbSubcommand;
import dev.appdb.bootstrap.cli.ExitCodes;
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
