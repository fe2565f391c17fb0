package dev.appdb.bootstrap.cli;

import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Base of the subcommands: reaches the root command's options, output and running appdb. */
public abstract class AppdbSubcommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  /** @return the root command */
  protected final AppdbCommand root() {
    return (AppdbCommand) spec.root().userObject();
  }

  /** @return the running appdb, started (and migrated if configured) on first use */
  protected final Appdb appdb() {
    return root().appdb(true);
  }

  /** @return the running appdb, started without migrating (for {@code init-db}) */
  protected final Appdb appdbWithoutMigrating() {
    return root().appdb(false);
  }

  /** @return appdb opened for {@code health}: never migrating, its waits bounded by the bound */
  protected final Appdb appdbForHealth() {
    return root().appdbForHealth();
  }

  /**
   * For command groups ({@code users}, {@code identities}) run without a subcommand.
   *
   * @return never returns normally
   * @throws ParameterException always, which the CLI reports as bad usage
   */
  protected final Integer missingSubcommand() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** @return human or JSON output, by {@code --json} */
  protected final Output output() {
    return root().output();
  }
}
