package dev.appdb.adapter.jooq.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.adapter.jooq.MigrationLogin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appdb.adapter.jooq.DatabaseSettings;
import dev.appdb.adapter.jooq.Databases;
import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.domain.error.QueryTimeoutException;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.Migrator;
import dev.appdb.testing.PgBouncerServer;
import dev.appdb.testing.PostgresServer;
import dev.appdb.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * appdb behind a real PgBouncer in transaction pooling, with fewer server connections than appdb
 * has clients: 16 threads create a user, read it back in a read-only unit and update it, again
 * and again for a few seconds. Nothing is faulty, so every unit must commit, and what each unit
 * reported committed must be on the server, read afterwards over a direct connection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresPgBouncerTest {

  private static final int THREADS = 16;
  private static final int APPDB_POOL = 8;
  private static final int SERVER_POOL = 3;
  private static final Duration RUN = Duration.ofSeconds(6);

  private PgBouncerServer bouncer;
  private JooqDatabase database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (bouncer != null) {
      bouncer.close();
    }
  }

  @Test
  void everyAcknowledgedWriteIsOnTheServerWithTheDefaultUrlForm() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name = migratedDatabase(server);
    startBouncer(server, "extra_float_digits", "options");
    database = Databases.open(DatabaseSettings.of(url(server, name))
        .withPool(pool(Duration.ofSeconds(5))));

    Workload workload = Workload.run(database, THREADS, RUN);

    System.out.println("[appdb] through " + bouncer + ": " + workload);
    assertClean(server, name, workload);
  }

  @Test
  void aDeclaredPoolerSendsNoStartupOptionsAndLosesNothing() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name = migratedDatabase(server);
    startBouncer(server, "extra_float_digits");
    database = Databases.open(DatabaseSettings.of(url(server, name) + "?pooler=transaction")
        .withPool(pool(Duration.ofSeconds(5))));

    Workload workload = Workload.run(database, THREADS, RUN);

    System.out.println("[appdb] through " + bouncer + ", pooler=transaction: " + workload);
    assertClean(server, name, workload);
  }

  /**
   * A service's own pool (HikariCP with pgjdbc's defaults, prepareThreshold 5) behind PgBouncer,
   * adopted: appdb finds the pooler and names no statement in its units, and its COMMIT is
   * unnamed and checked.
   */
  @Test
  void anAdoptedPoolBehindAPoolerLosesNothing() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name = migratedDatabase(server);
    startBouncer(server, "extra_float_digits");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(bouncer.jdbcUrl(name));
    config.setUsername(server.adminUser());
    config.setPassword(server.adminPassword());
    config.setMaximumPoolSize(APPDB_POOL);
    try (HikariDataSource service =
        new HikariDataSource(config)) {
      database = Databases.adopt(service, "the service's pool", Duration.ofSeconds(5));

      Workload workload = Workload.run(database, THREADS, RUN);

      System.out.println("[appdb] adopted pool through " + bouncer + ": " + workload);
      assertClean(server, name, workload);
      database.close();
      database = null;
    }
  }

  @Test
  void startupOptionsRefusedByThePoolerAreALastingTypedRefusal() {
    PostgresServer server = PostgresTestServer.get();
    String name = migratedDatabase(server);
    startBouncer(server, "extra_float_digits");

    DatabaseSettings settings = DatabaseSettings.of(url(server, name))
        .withPool(pool(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> Databases.open(settings))
        .isInstanceOfSatisfying(DatabaseUnavailableException.class,
            refused -> assertThat(refused.retryable()).isFalse())
        .hasMessageContaining("unsupported startup parameter")
        .hasMessageContaining("database.pooler=transaction")
        .hasMessageNotContaining(server.adminPassword() + "@");
  }

  /**
   * The statement timeout holds behind the pooler, declared or found (PgBouncer dropping the
   * startup options): a statement waiting for a lock held over a direct connection is cancelled
   * by the server after the pool's 2 s, while the lock is still held.
   */
  @Test
  void theStatementTimeoutHoldsBehindThePooler() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name = migratedDatabase(server);
    startBouncer(server, "extra_float_digits", "options");
    for (String query : List.of("?pooler=transaction", "")) {
      try (JooqDatabase behind = Databases.open(DatabaseSettings.of(url(server, name) + query)
          .withPool(pool(Duration.ofSeconds(2))));
          Connection direct = DriverManager.getConnection(server.jdbcUrl(name),
              server.adminProperties())) {
        direct.setAutoCommit(false);
        try (var lock = direct.createStatement()) {
          lock.execute("LOCK TABLE app.users IN ACCESS EXCLUSIVE MODE");
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> behind.transactions()
                .readOnly(tx -> tx.users().count()))
            .as("URL query '%s'", query)
            .isInstanceOf(QueryTimeoutException.class);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        direct.rollback();
        assertThat(millis).as("URL query '%s': waited", query).isBetween(1_900L, 9_000L);
        long users = behind.transactions().readOnly(tx -> tx.users().count());
        assertThat(users).isZero();
      }
    }
  }

  /** @return the libpq-form URL of {@code name} through {@link #bouncer}, with credentials */
  private String url(PostgresServer server, String name) {
    return "postgresql://" + server.adminUser() + ":" + server.adminPassword() + "@"
        + bouncer.host() + ":" + bouncer.port() + "/" + name;
  }

  /**
   * Migrations as a migration login and the owner's role, through the pooler: a session-wide
   * {@code SET ROLE} is never sent (it would stay on the server connection); without the role as
   * the login's default the migration is refused saying so, with it every object is the owner's.
   */
  @Test
  void migrationsTakeTheOwnersRoleOnlyAsTheLoginsDefault() throws Exception {
    PostgresServer server = PostgresTestServer.get();
    String name = PostgresTestServer.createDatabase("pgbouncer_migrations");
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String owner = "pgb_owner_" + suffix;
    String migrator = "pgb_migrator_" + suffix;
    try (Connection direct = DriverManager.getConnection(server.jdbcUrl(name),
        server.adminProperties()); var admin = direct.createStatement()) {
      admin.execute("CREATE ROLE " + owner + " NOLOGIN");
      admin.execute("CREATE ROLE " + migrator + " LOGIN PASSWORD 'migrate-secret'");
      admin.execute("GRANT " + owner + " TO " + migrator);
      admin.execute("ALTER DATABASE " + name + " OWNER TO " + owner);
    }
    bouncer = PgBouncerServer.start(server, Map.of(server.adminUser(), server.adminPassword(),
        migrator, "migrate-secret"), "transaction", SERVER_POOL, List.of("extra_float_digits"));
    DatabaseSettings settings = DatabaseSettings.of(url(server, name) + "?pooler=transaction")
        .withPool(pool(Duration.ofSeconds(5)))
        .withMigration(new MigrationLogin(migrator, "migrate-secret", owner));

    try (JooqDatabase refused = Databases.open(settings)) {
      assertThatThrownBy(refused::migrate)
          .isInstanceOf(MissingPrivilegeException.class)
          .hasMessageContaining("ALTER ROLE " + migrator + " SET role = '" + owner + "'");
    }
    try (Connection direct = DriverManager.getConnection(server.jdbcUrl(name),
        server.adminProperties()); var admin = direct.createStatement()) {
      admin.execute("ALTER ROLE " + migrator + " SET role = '" + owner + "'");
    }
    // PgBouncer's server connections opened before keep the old default: a new PgBouncer
    bouncer.close();
    bouncer = PgBouncerServer.start(server, Map.of(server.adminUser(), server.adminPassword(),
        migrator, "migrate-secret"), "transaction", SERVER_POOL, List.of("extra_float_digits"));
    database = Databases.open(DatabaseSettings.of(url(server, name) + "?pooler=transaction")
        .withPool(pool(Duration.ofSeconds(5)))
        .withMigration(new MigrationLogin(migrator, "migrate-secret", owner)));
    database.migrate();
    try (Connection direct = DriverManager.getConnection(server.jdbcUrl(name),
        server.adminProperties()); var admin = direct.createStatement();
        ResultSet owners = admin.executeQuery("SELECT DISTINCT tableowner FROM pg_tables"
            + " WHERE schemaname = 'app'")) {
      List<String> found = new ArrayList<>();
      while (owners.next()) {
        found.add(owners.getString(1));
      }
      assertThat(found).containsExactly(owner);
    }
    User created = database.transactions().inTransaction(tx -> tx.users().create(
        User.register("Ada", "Lovelace", new Email("ada@example.com"), Instant.now())));
    Optional<User> found =
        database.transactions().readOnly(tx -> tx.users().findById(created.id()));
    assertThat(found).isPresent();
  }

  private static PoolSettings pool(Duration statementTimeout) {
    return new PoolSettings(APPDB_POOL, 0, Duration.ofSeconds(10), Duration.ofMinutes(30),
        Duration.ofMinutes(10), statementTimeout);
  }

  /** Starts {@link #bouncer}: transaction pooling, {@value #SERVER_POOL} server connections. */
  private void startBouncer(PostgresServer server, String... ignoredStartupParameters) {
    bouncer = PgBouncerServer.start(server, server.adminUser(), server.adminPassword(),
        "transaction", SERVER_POOL, List.of(ignoredStartupParameters));
  }

  /**
   * Nothing was faulty: every acknowledged write is on the server (read over a direct
   * connection), no unit failed, nothing outside appdb's hierarchy escaped, every create was read
   * back.
   */
  private static void assertClean(PostgresServer server, String name, Workload workload)
      throws SQLException {
    try (Connection direct = DriverManager.getConnection(server.jdbcUrl(name),
        server.adminProperties())) {
      assertThat(missing(direct, workload.acknowledged))
          .as("acknowledged writes not on the server, of %d", workload.acknowledged.size())
          .isEmpty();
    }
    assertThat(workload.raw).as("exceptions outside appdb's hierarchy").isEmpty();
    assertThat(workload.unreadCreates.get()).as("creates a read-only unit did not find").isZero();
    assertThat(workload.failures).as("units that failed with nothing faulty").isEmpty();
    assertThat(workload.acknowledged.size()).as("acknowledged units").isGreaterThan(100);
  }

  static String migratedDatabase(PostgresServer server) {
    String name = PostgresTestServer.createDatabase("pgbouncer");
    new Migrator(PostgresDatabase.migrationDataSource(server.jdbcUrl(name),
        server.adminProperties()), DatabaseVendor.POSTGRESQL).migrate();
    return name;
  }

  /** @return each acknowledged user whose row is missing or has another first name */
  static List<String> missing(Connection direct, Map<UserId, String> acknowledged)
      throws SQLException {
    List<String> missing = new ArrayList<>();
    try (PreparedStatement select = direct.prepareStatement(
        "SELECT first_name FROM app.users WHERE id = ?")) {
      for (Map.Entry<UserId, String> user : acknowledged.entrySet()) {
        select.setObject(1, user.getKey().value());
        try (ResultSet row = select.executeQuery()) {
          String found = row.next() ? row.getString(1) : null;
          if (!user.getValue().equals(found)) {
            missing.add(user.getKey() + ": acknowledged " + user.getValue() + ", on the server "
                + found);
          }
        }
      }
    }
    return missing;
  }

  /** Create, read back read-only, update; per thread, its own users. */
  static final class Workload {
    /** Each user's first name as the last acknowledged unit left it. */
    final Map<UserId, String> acknowledged = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final List<Throwable> raw = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger unreadCreates = new AtomicInteger();

    static Workload run(JooqDatabase database, int threads, Duration duration)
        throws Exception {
      Workload workload = new Workload();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long end = System.nanoTime() + duration.toNanos();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(pool.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            workload.once(database, "t" + thread + "-" + i);
          }
        }));
      }
      for (Future<?> future : running) {
        assertThat(future).as("a workload thread of a %s run", duration)
            .succeedsWithin(duration.plusSeconds(60));
      }
      pool.shutdown();
      return workload;
    }

    private void once(JooqDatabase database, String key) {
      try {
        User created = database.transactions().inTransaction(tx -> tx.users().create(
            User.register("c-" + key, "PgBouncer", new Email(key + "@example.com"),
                Instant.now())));
        acknowledged.put(created.id(), created.firstName());
        User read = database.transactions().readOnly(tx -> tx.users().findById(created.id()))
            .orElse(null);
        if (read == null) {
          unreadCreates.incrementAndGet();
          return;
        }
        User updated = database.transactions().inTransaction(tx -> tx.users().update(
            read.withProfile("u-" + key, read.lastName(), read.email(), Instant.now())));
        acknowledged.put(updated.id(), updated.firstName());
      } catch (AppdbException | IllegalStateException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + firstLine(e),
            ignored -> new AtomicInteger()).incrementAndGet();
      } catch (RuntimeException e) {
        raw.add(e);
      }
    }

    @Override
    public String toString() {
      return "acknowledged " + acknowledged.size() + ", failures " + new TreeMap<>(failures)
          + ", raw " + raw;
    }

    private static String firstLine(Throwable e) {
      String message = String.valueOf(e.getMessage());
      return message.length() > 120 ? message.substring(0, 120) : message;
    }
  }
}
