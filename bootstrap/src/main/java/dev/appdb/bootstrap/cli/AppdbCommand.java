package dev.appdb.bootstrap.cli;

import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.Setting;
import dev.appdb.bootstrap.Appdb;
import dev.appdb.bootstrap.cli.output.HumanOutput;
import dev.appdb.bootstrap.cli.output.JsonOutput;
import dev.appdb.bootstrap.cli.output.Output;
import dev.appdb.bootstrap.config.AppdbSettings;
import dev.appdb.bootstrap.config.ProvisionSettings;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.bootstrap.logging.LoggingSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code appdb} command: the CLI over appdb's use cases. Global options are accepted before
 * or after the subcommand. The database is opened (and, by default in dev, migrated) on the first
 * subcommand that needs it and closed when the command ends.
 */
@Command(
    name = "appdb",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = AppdbVersion.class,
    description = "Users and their OpenID Connect identities on SQLite or PostgreSQL.",
    subcommands = {
        InitDbCommand.class, UsersCommand.class, IdentitiesCommand.class, SignInCommand.class,
        ImportRealmCommand.class, HealthCommand.class, PoolStatusCommand.class,
        ProvisionCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success (health: database up, schema as new as the code)",
        "1:refused by a rule: invalid value, duplicate, not found, concurrent update",
        "2:bad usage, configuration or input file",
        "3:database unavailable, pool exhausted, timeout (health: database down or behind)",
        "70:a bug in appdb"})
public final class AppdbCommand {

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print results as JSON (one document on stdout).")
  boolean json;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "YAML settings file (default: $APPDB_CONFIG, else ./appdb.yaml if present).")
  Path config;

  @Option(names = "--database-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Overrides DATABASE_URL (JDBC, libpq or SQLAlchemy form).")
  String databaseUrl;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log appdb at DEBUG to stderr: every unit of work's outcome and every SQL"
          + " statement's text, without values (-Dappdb.log-sql=true adds jOOQ's log, values"
          + " included).")
  boolean verbose;

  private final Map<String, String> environment;
  private final PrintWriter out;
  private final PrintWriter err;
  private AppdbSettings settings;
  private Appdb appdb;

  private AppdbCommand(Map<String, String> environment, PrintWriter out, PrintWriter err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the CLI in-process.
   *
   * @param args the command line
   * @param environment the environment to read settings from
   * @param out where results go
   * @param err where errors and logs go
   * @return the exit code, see {@link ExitCodes}
   */
  public static int run(String[] args, Map<String, String> environment, PrintWriter out,
      PrintWriter err) {
    AppdbCommand root = new AppdbCommand(environment, out, err);
    CommandLine commandLine = new CommandLine(root)
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new FailureHandler(root))
        .setParameterExceptionHandler(new UsageHandler(root));
    try {
      return commandLine.execute(args);
    } finally {
      root.close();
      out.flush();
      err.flush();
    }
  }

  /**
   * The executable jar's entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    LoggingSetup.apply(Profile.DEV, false); // until the settings name the profile
    int exit = run(args, System.getenv(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true));
    System.exit(exit);
  }

  /** @return how results are shown, by {@code --json} */
  Output output() {
    return json ? new JsonOutput(out, err) : new HumanOutput(out, err);
  }

  /**
   * @param migrateOnStart whether to apply pending migrations if the settings ask for it
   * @return the running appdb, started on first use
   */
  Appdb appdb(boolean migrateOnStart) {
    if (appdb == null) {
      AppdbSettings settings = settings();
      LoggingSetup.apply(settings.profile(), verbose);
      // one command, then exit: open connections as units need them, not pool.size up front
      appdb = Appdb.start(settings.withPool(settings.pool().onDemand()),
          migrateOnStart && settings.migrateOnStart());
    }
    return appdb;
  }

  /**
   * appdb for {@code health}: never migrates, and every wait on the database is bounded by
   * {@code health.timeout-ms}: the pool's checkout (and SQLite's busy timeout) by the bound, and
   * PostgreSQL's connect, login and statement timeouts by the bound rounded up to whole seconds
   * (pgjdbc's unit), the socket timeout by one second more.
   *
   * @return the running appdb, started on first use
   */
  Appdb appdbForHealth() {
    if (appdb == null) {
      AppdbSettings settings = settings();
      LoggingSetup.apply(settings.profile(), verbose);
      Duration bound = settings.pool().healthTimeout();
      Duration seconds = healthSeconds(bound);
      PostgresConnectionSettings network = settings.postgres();
      PostgresConnectionSettings bounded = new PostgresConnectionSettings(
          min(network.connectTimeout(), seconds), min(network.loginTimeout(), seconds),
          seconds.plusSeconds(1), network.tcpKeepAlive(), network.idleInTransactionTimeout(),
          network.pooler());
      PoolSettings pool = settings.pool().onDemand().withPoolTimeout(seconds)
          .withStatementTimeout(seconds);
      appdb = Appdb.start(settings.withPool(pool).withPostgres(bounded), false);
    }
    return appdb;
  }

  /** @return {@code bound} rounded up to whole seconds, at least 1 s */
  static Duration healthSeconds(Duration bound) {
    return Duration.ofSeconds(Math.max(1, (bound.toMillis() + 999) / 1000));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** @return whether stderr is a terminal, for progress output */
  public boolean interactive() {
    return System.console() != null && !json;
  }

  /** @return where errors go */
  public PrintWriter err() {
    return err;
  }

  /**
   * @return the settings of this run, read on first use
   * @throws dev.appdb.bootstrap.config.ConfigurationException when they are invalid
   */
  AppdbSettings settings() {
    if (settings != null) {
      return settings;
    }
    Map<Setting, String> overrides = new EnumMap<>(Setting.class);
    if (databaseUrl != null) {
      overrides.put(Setting.DATABASE_URL, databaseUrl);
    }
    settings = SettingsLoader.load(configFile(), environment, overrides);
    return settings;
  }

  /**
   * @param overrides the subcommand's own options
   * @return the settings of {@code provision}
   * @throws dev.appdb.bootstrap.config.ConfigurationException when they are invalid
   */
  ProvisionSettings provisionSettings(Map<Setting, String> overrides) {
    Map<Setting, String> all = new EnumMap<>(Setting.class);
    all.putAll(overrides);
    return SettingsLoader.loadProvisioning(configFile(), environment, all);
  }

  private Path configFile() {
    return config != null ? config : SettingsLoader.configurationFile(environment);
  }

  private void close() {
    if (appdb != null) {
      appdb.close();
      appdb = null;
    }
  }
}
