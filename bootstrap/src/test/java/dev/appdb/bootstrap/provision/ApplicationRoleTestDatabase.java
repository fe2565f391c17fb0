package dev.appdb.bootstrap.provision;

import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.DatabaseUrls;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.MigrationLogin;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.PostgresTarget;
import dev.appdb.adapter.jooq.testing.PostgresTestDatabase;
import dev.appdb.application.contract.DatabaseUnderTest;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.port.Transactions;
import dev.appdb.testing.SecurePostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A database on a server configured like production ({@link SecurePostgresServer}: TLS 1.2+,
 * SCRAM only), set up as an operator would: provisioned by {@link PostgresProvisioning}, migrated
 * by the migration login as the owner, and opened as the application login {@value #APPLICATION}
 * over verified TLS. A contract suite on it runs with exactly the application's privileges;
 * emptying the tables and injecting faults use the superuser, as an operator's tooling would.
 * One server per test run, one database per suite.
 */
public final class ApplicationRoleTestDatabase implements DatabaseUnderTest {

  /** The login the suites run as. */
  public static final String APPLICATION = ProvisionPlan.DEFAULT_APPLICATION_ROLE;

  private static final Map<String, String> PASSWORDS = Map.of(
      ProvisionPlan.DEFAULT_MIGRATION_ROLE, "migrator-Pw-1", APPLICATION, "appuser-Pw-2",
      ProvisionPlan.DEFAULT_BACKUP_ROLE, "backup-Pw-3", ProvisionPlan.DEFAULT_TEMPORAL_ROLE,
      "temporal-Pw-4");
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static SecurePostgresServer server;

  private final SecurePostgresServer host;
  private final String name;
  private final JooqDatabase database;

  private ApplicationRoleTestDatabase(SecurePostgresServer host, String name,
      JooqDatabase database) {
    this.host = host;
    this.name = name;
    this.database = database;
  }

  /**
   * @param prefix readable prefix of the database name (any case; letters and digits kept)
   * @param poolSize connections in the pool, no overflow
   * @param statementTimeout the pool's statement timeout, at least 1 s
   * @return a freshly provisioned, migrated database, opened as {@value #APPLICATION}
   */
  public static ApplicationRoleTestDatabase open(String prefix, int poolSize,
      Duration statementTimeout) {
    SecurePostgresServer host = server();
    String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = "app_" + cleaned.substring(0, Math.min(cleaned.length(), 40)) + "_"
        + DATABASES.incrementAndGet();
    PoolSettings pool = PoolSettings.DEVELOPMENT.withSize(poolSize, 0)
        .withStatementTimeout(statementTimeout);
    PostgresConnectionSettings network = PostgresConnectionSettings.defaults(statementTimeout);
    PostgresProvisioning.provision(target(host, "postgres", host.adminUser(),
        host.adminPassword()), new ProvisionPlan(name, ProvisionPlan.DEFAULT_OWNER_ROLE,
        ProvisionPlan.DEFAULT_MIGRATION_ROLE, APPLICATION, ProvisionPlan.DEFAULT_BACKUP_ROLE,
        ProvisionPlan.DEFAULT_TEMPORAL_ROLE, List.of(), PASSWORDS), network);
    JooqDatabase database = Databases.open(new DatabaseSettings(
        target(host, name, APPLICATION, PASSWORDS.get(APPLICATION)), pool, network,
        new MigrationLogin(ProvisionPlan.DEFAULT_MIGRATION_ROLE,
            PASSWORDS.get(ProvisionPlan.DEFAULT_MIGRATION_ROLE),
            ProvisionPlan.DEFAULT_OWNER_ROLE)));
    try {
      database.migrate();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new ApplicationRoleTestDatabase(host, name, database);
  }

  /** @return the adapter's database, connected as {@value #APPLICATION} */
  public JooqDatabase database() {
    return database;
  }

  /**
   * Runs a statement as the schema's owner, as a service's own migration would.
   *
   * @param sql e.g. a service's {@code CREATE TABLE}
   */
  public void executeAsOwner(String sql) {
    superuser(statement -> {
      statement.execute("SET ROLE " + ProvisionPlan.DEFAULT_OWNER_ROLE);
      statement.execute(sql);
    });
  }

  @Override
  public Transactions transactions() {
    return database.transactions();
  }

  @Override
  public DatabaseProbe probe() {
    return database.probe();
  }

  @Override
  public void deleteAllRows() {
    superuser(statement -> statement.execute("TRUNCATE app.user_identities, app.users CASCADE"));
  }

  @Override
  public Fault failStatementsOn(String table) {
    try {
      return PostgresTestDatabase.lockExclusively(host.admin(name), table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    database.close();
  }

  private interface SqlWork {
    void run(Statement statement) throws SQLException;
  }

  private void superuser(SqlWork work) {
    try (Connection connection = host.admin(name);
        Statement statement = connection.createStatement()) {
      work.run(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param host the server
   * @param database a database on it
   * @param user a login
   * @param password its password
   * @return the target for {@code user} over TLS with {@code verify-full} and the server's CA
   */
  public static PostgresTarget target(SecurePostgresServer host, String database, String user,
      String password) {
    return ((PostgresTarget) DatabaseUrls.parse(host.databaseUrl(database)
        + "?sslmode=verify-full&sslrootcert=" + host.authority().certificate()))
        .withUser(user).withPassword(password);
  }

  private static synchronized SecurePostgresServer server() {
    if (server == null) {
      try {
        Path folder = Files.createTempDirectory("appdb-secure-server");
        SecurePostgresServer started = SecurePostgresServer.start(folder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          started.close();
          deleteQuietly(folder);
        }, "stop-secure-postgres"));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up eventually
    }
  }
}
