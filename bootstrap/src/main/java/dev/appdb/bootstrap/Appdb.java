package dev.appdb.bootstrap;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.Profile;
import dev.appdb.adapter.jooq.kit.RepositoryFactory;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.identity.IdentityLinks;
import dev.appdb.application.importing.ImportUsers;
import dev.appdb.application.port.Transactions;
import dev.appdb.application.signin.SignIn;
import dev.appdb.application.user.DeleteUser;
import dev.appdb.application.user.RegisterUser;
import dev.appdb.application.user.UpdateUserProfile;
import dev.appdb.application.user.UserQueries;
import dev.appdb.bootstrap.config.AppdbSettings;
import dev.appdb.bootstrap.config.NamedDatabaseSettings;
import dev.appdb.bootstrap.config.SettingsLoader;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.migrations.MigrationReport;
import dev.appdb.migrations.MigrationSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the database the settings name (SQLite or PostgreSQL, chosen by
 * the URL alone), applies migrations when configured, and wires the use cases to it. One per
 * process; close it at shutdown.
 */
public final class Appdb implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Appdb.class);

  private final AppdbSettings settings;
  private final JooqDatabase database;
  private final List<MigrationSet> migrations;
  private final Map<String, NamedDatabase> named = new LinkedHashMap<>();
  private final Clock clock = Clock.systemUTC();

  private Appdb(AppdbSettings settings, JooqDatabase database, List<MigrationSet> migrations) {
    this.settings = settings;
    this.database = database;
    this.migrations = migrations;
    settings.databases().forEach(declared -> named.put(declared.name(),
        new NamedDatabase(declared)));
  }

  /**
   * Opens the database and, when {@code settings.migrateOnStart()}, migrates it.
   *
   * @param settings validated settings
   * @return the running appdb
   * @throws DatabaseUnavailableException when the database cannot be opened
   * @throws UnexpectedDatabaseException when a migration fails
   */
  public static Appdb start(AppdbSettings settings) {
    return start(settings, settings.migrateOnStart(), List.of());
  }

  /**
   * Opens the database and, when {@code settings.migrateOnStart()}, applies appdb's migrations
   * and then the service's sets.
   *
   * @param settings validated settings
   * @param serviceMigrations the service's own migration sets, applied after appdb's in this
   *     order (appdb's own set is added first; do not list it)
   * @return the running appdb
   * @throws IllegalArgumentException when the sets collide (see {@code Migrator}), checked when
   *     the migrations run
   * @throws DatabaseUnavailableException when the database cannot be opened
   * @throws UnexpectedDatabaseException when a migration fails
   */
  public static Appdb start(AppdbSettings settings, List<MigrationSet> serviceMigrations) {
    return start(settings, settings.migrateOnStart(), serviceMigrations);
  }

  /**
   * Opens the database and, when {@code migrate}, migrates it.
   *
   * @param settings validated settings
   * @param migrate whether to apply pending migrations now
   * @return the running appdb
   * @throws DatabaseUnavailableException when the database cannot be opened
   * @throws UnexpectedDatabaseException when a migration fails
   */
  public static Appdb start(AppdbSettings settings, boolean migrate) {
    return start(settings, migrate, List.of());
  }

  /**
   * Opens the database and, when {@code migrate}, applies appdb's migrations and then the
   * service's sets.
   *
   * @param settings validated settings
   * @param migrate whether to apply pending migrations now
   * @param serviceMigrations the service's own migration sets, in order (appdb's own set is
   *     added first; do not list it)
   * @return the running appdb
   * @throws IllegalArgumentException when the sets collide (see {@code Migrator}), checked when
   *     the migrations run
   * @throws DatabaseUnavailableException when the database cannot be opened
   * @throws UnexpectedDatabaseException when a migration fails
   */
  public static Appdb start(AppdbSettings settings, boolean migrate,
      List<MigrationSet> serviceMigrations) {
    Objects.requireNonNull(settings, "settings");
    List<MigrationSet> sets = List.copyOf(serviceMigrations);
    warnWhenTlsIsUnverified(settings);
    JooqDatabase database = Databases.open(new DatabaseSettings(settings.database(),
        settings.pool(), settings.postgres(), settings.migration()));
    try {
      database.expectMigrations(sets); // readiness compares the schema with every set
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Appdb appdb = new Appdb(settings, database, sets);
    LOG.info("database opened: {} (profile {})", database.target(), settings.profile());
    LOG.info("settings in effect: {}", settings.effective());
    if (migrate) {
      try {
        appdb.migrate();
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }
    return appdb;
  }

  /** prod with an sslmode other than verify-full (allowed by an explicit override): say so. */
  private static void warnWhenTlsIsUnverified(AppdbSettings settings) {
    if (settings.profile() == Profile.PROD
        && settings.database() instanceof PostgresTarget postgres) {
      String mode = postgres.properties().get("sslmode");
      if (!SettingsLoader.VERIFIED_SSL_MODE.equals(mode)) {
        LOG.atWarn().setMessage("TLS does not verify the server: database.allow-unverified-tls"
                + " accepted an sslmode other than verify-full")
            .addKeyValue("sslmode", mode).addKeyValue("database", postgres.display()).log();
      }
    }
  }

  /**
   * Applies pending migrations of every set, appdb's first (the seed's {@code init_db()}, with
   * history and checksums); see {@link JooqDatabase#migrate(List)}.
   *
   * @return what was applied, one report per set in the order applied
   * @throws DatabaseUnavailableException when the database cannot be reached or refuses the
   *     connection (e.g. {@code 53300} too many clients)
   * @throws UnexpectedDatabaseException when a migration fails (that migration is rolled back)
   *     or an applied migration's checksum no longer matches its script
   */
  public List<MigrationReport> migrate() {
    return database.migrate(migrations);
  }

  /** @return the settings this process runs with */
  public AppdbSettings settings() {
    return settings;
  }

  /**
   * Makes a service's repository available inside every unit of work that begins afterwards, as
   * {@code tx.repository(port)}; see {@link JooqDatabase#register}.
   *
   * @param port the repository's interface
   * @param factory makes the repository for one unit
   * @param <R> the port type
   * @return this appdb, for chaining
   * @throws IllegalArgumentException when {@code port} is not an interface or already has one
   */
  public <R> Appdb register(Class<R> port, RepositoryFactory<? extends R> factory) {
    database.register(port, factory);
    return this;
  }

  /**
   * @return the open database: its pool, repositories and observers, e.g. for
   *     {@code MicrometerMetrics.bind(appdb.database(), registry)}
   */
  public JooqDatabase database() {
    return database;
  }

  /**
   * @param name {@value NamedDatabaseSettings#APPLICATION} for the application's database, else
   *     a name declared under {@code databases.<name>}
   * @return that database, opened on first use
   * @throws IllegalArgumentException when no database has that name (the message lists them)
   * @throws DatabaseUnavailableException when a named database cannot be opened
   */
  public JooqDatabase database(String name) {
    if (NamedDatabaseSettings.APPLICATION.equals(name)) {
      return database;
    }
    NamedDatabase found = named.get(name);
    if (found == null) {
      throw new IllegalArgumentException("no database named '" + name + "'; known: "
          + String.join(", ", databaseNames()));
    }
    return found.database();
  }

  /** @return {@value NamedDatabaseSettings#APPLICATION} and every declared name, in order */
  public List<String> databaseNames() {
    List<String> names = new ArrayList<>();
    names.add(NamedDatabaseSettings.APPLICATION);
    names.addAll(named.keySet());
    return List.copyOf(names);
  }

  /**
   * @return the health of every named database, checked at once, each within its own bound;
   *     empty when none is declared
   */
  public List<DatabaseHealth> namedHealth() {
    return NamedDatabase.healthOf(named.values());
  }

  /** @return the unit-of-work port, for application code of the embedding service */
  public Transactions transactions() {
    return database.transactions();
  }

  /** @return health and pool status */
  public DatabaseProbe probe() {
    return database.probe();
  }

  /** @return the register-user use case */
  public RegisterUser registerUser() {
    return new RegisterUser(transactions(), clock);
  }

  /** @return the read use cases on users */
  public UserQueries userQueries() {
    return new UserQueries(transactions());
  }

  /** @return the update-profile use case */
  public UpdateUserProfile updateUserProfile() {
    return new UpdateUserProfile(transactions(), clock);
  }

  /** @return the delete-user use case */
  public DeleteUser deleteUser() {
    return new DeleteUser(transactions());
  }

  /** @return the identity-link use cases */
  public IdentityLinks identityLinks() {
    return new IdentityLinks(transactions(), clock);
  }

  /** @return the sign-in use case */
  public SignIn signIn() {
    return new SignIn(transactions(), clock);
  }

  /** @return the import use case, with the configured batch size */
  public ImportUsers importUsers() {
    return new ImportUsers(transactions(), clock, settings.importBatchSize());
  }

  /** Closes the pools, the named databases' included. */
  @Override
  public void close() {
    named.values().forEach(NamedDatabase::close);
    database.close();
  }
}
