package dev.appdb.adapter.jooq;

import dev.appdb.adapter.jooq.internal.pool.PreparingDataSource;
import dev.appdb.adapter.jooq.internal.repository.JooqUserIdentityRepository;
import dev.appdb.adapter.jooq.internal.repository.JooqUserRepository;
import dev.appdb.adapter.jooq.internal.transaction.JooqTransactions;
import dev.appdb.adapter.jooq.internal.transaction.PoolDatabaseProbe;
import dev.appdb.adapter.jooq.internal.transaction.SqlErrorTranslator;
import dev.appdb.adapter.jooq.kit.RepositoryFactory;
import dev.appdb.adapter.jooq.spi.Causes;
import dev.appdb.adapter.jooq.spi.ConnectionPool;
import dev.appdb.adapter.jooq.spi.DatabaseDialect;
import dev.appdb.adapter.jooq.spi.EnclosingTransactions;
import dev.appdb.adapter.jooq.spi.SqlErrorKind;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.health.HealthReport.SchemaStatus;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.MissingPrivilegeException;
import dev.appdb.domain.error.UnexpectedDatabaseException;
import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;
import dev.appdb.migrations.DatabaseVendor;
import dev.appdb.migrations.MigrationReport;
import dev.appdb.migrations.MigrationSet;
import dev.appdb.migrations.Migrator;
import dev.appdb.migrations.SchemaState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.jooq.conf.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database: its connection pool, the unit-of-work port over it, its migrations and its
 * probe. What an application holds for its lifetime (the seed's long-lived engine); close it at
 * shutdown. Opened by {@link dev.appdb.adapter.jooq.Databases}.
 */
public final class JooqDatabase implements AutoCloseable {

  /** A field of Flyway's script failure report, e.g. {@code "SQL State  : 42601"}. */
  private static final Pattern FLYWAY_FIELD = Pattern.compile("([A-Z][A-Za-z ]*?)\\s+:\\s(.*)");

  private static final Logger LOG = LoggerFactory.getLogger(JooqDatabase.class);

  /**
   * The system property that turns jOOQ's statement log on ({@code -Dappdb.log-sql=true}): every
   * statement with its bind values and result rows at DEBUG, personal data included. Off by
   * default.
   */
  public static final String LOG_SQL_PROPERTY = "appdb.log-sql";

  /**
   * Keeps other processes from migrating the same database at the same time, for a database
   * whose migration tool cannot (SQLite); for adapters.
   */
  @FunctionalInterface
  public interface MigrationLock {

    /** No lock: the database serializes migrations itself (Flyway's PostgreSQL advisory lock). */
    MigrationLock NONE = () -> () -> { };

    /**
     * @return the held lock, released by {@code close()}
     * @throws DatabaseUnavailableException when it cannot be had within the adapter's bound
     */
    AutoCloseable acquire();
  }

  private final ConnectionPool pool;
  private final DatabaseDialect dialect;
  private final DataSource migrationDataSource;
  /** Where readiness reads the schema's state: migration connections, statements bounded. */
  private final DataSource schemaReads;
  private final DataSource outsideUnits;
  private final MigrationLock migrationLock;
  /** The sets the code ships, appdb's first: what readiness compares the schema with. */
  private volatile List<MigrationSet> expected = List.of(MigrationSet.APPDB);
  private final JooqTransactions transactions;
  private final PoolDatabaseProbe probe;

  /**
   * For adapters; a service opens a database through
   * {@link dev.appdb.adapter.jooq.Databases}.
   *
   * @param pool the open pool; closed by {@link #close} when appdb built it
   * @param dialect the database's specifics
   * @param clientQueryTimeout the JDBC query timeout set on every statement (whole seconds, at
   *     least 1), for a database that cannot time statements out itself (SQLite) or a pool whose
   *     connections appdb did not configure; {@link Duration#ZERO} when the server does
   *     (PostgreSQL's {@code statement_timeout})
   * @param migrationDataSource where {@link #migrate} runs Flyway (an unpooled data
   *     source: Flyway holds one connection for its lock while it works on another)
   */
  public JooqDatabase(ConnectionPool pool, DatabaseDialect dialect, Duration clientQueryTimeout,
      DataSource migrationDataSource) {
    this(pool, dialect, clientQueryTimeout, migrationDataSource, MigrationLock.NONE);
  }

  /**
   * For adapters whose database needs migrations serialized across processes.
   *
   * @param pool see {@link #JooqDatabase(ConnectionPool, DatabaseDialect, Duration, DataSource)}
   * @param dialect see there
   * @param clientQueryTimeout see there
   * @param migrationDataSource see there
   * @param migrationLock held while {@link #migrate} runs
   */
  public JooqDatabase(ConnectionPool pool, DatabaseDialect dialect, Duration clientQueryTimeout,
      DataSource migrationDataSource, MigrationLock migrationLock) {
    this.migrationLock = Objects.requireNonNull(migrationLock, "migrationLock");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.migrationDataSource = Objects.requireNonNull(migrationDataSource, "migrationDataSource");
    // nothing a unit of work left set on a connection between units (SQLite's query_only)
    // reaches code that does not know about units
    this.outsideUnits = new PreparingDataSource(pool.dataSource(), dialect::outsideUnits);
    // an adopted pool's connections go back to the service: no session setting on them
    Duration bound = pool.settings().healthTimeout();
    this.schemaReads = migrationDataSource == pool.dataSource() ? migrationDataSource
        : new PreparingDataSource(migrationDataSource,
            connection -> dialect.boundSchemaReads(connection, bound));
    // jOOQ's statement log prints bind values and result rows (emails among them): off unless
    // asked for explicitly with -Dappdb.log-sql=true (then at DEBUG of org.jooq.tools.LoggerListener)
    Settings jooq = new Settings().withRenderFormatted(false)
        .withExecuteLogging(Boolean.getBoolean(LOG_SQL_PROPERTY));
    if (!clientQueryTimeout.isZero()) {
      jooq = jooq.withQueryTimeout((int) Math.max(1, clientQueryTimeout.toSeconds()));
    }
    this.transactions = new JooqTransactions(pool, dialect, jooq);
    // appdb's own repositories are registered like a service's
    transactions.register(UserRepository.class, JooqUserRepository::new);
    transactions.register(UserIdentityRepository.class, JooqUserIdentityRepository::new);
    this.probe = new PoolDatabaseProbe(pool, pool.settings().healthTimeout(),
        this::schemaState, dialect.vendor() == DatabaseVendor.SQLITE);
  }

  /**
   * Applies appdb's own migrations (the seed's {@code init_db()}, with history and checksums).
   *
   * @return what was applied: one report, appdb's
   * @throws DatabaseUnavailableException when the database cannot be reached or refuses the
   *     connection (e.g. {@code 53300} too many clients)
   * @throws UnexpectedDatabaseException when a migration fails (that migration is rolled back)
   *     or an applied migration's checksum no longer matches its script
   */
  public List<MigrationReport> migrate() {
    return migrate(List.of());
  }

  /**
   * Applies appdb's own migrations, then each of the service's sets in order, each with its own
   * history table, so that the version sequences never collide.
   *
   * @param serviceSets the service's sets, in the order to apply them; appdb's own set is added
   *     first (do not list it)
   * @return what was applied, one report per set in the order applied
   * @throws IllegalArgumentException when the sets collide (see {@link Migrator})
   * @throws IllegalStateException when an adopted HikariCP pool allows fewer than two
   *     connections (Flyway needs two)
   * @throws DatabaseUnavailableException when the database cannot be reached or refuses the
   *     connection (e.g. {@code 53300} too many clients), or (SQLite) another process has been
   *     migrating it for longer than the busy timeout
   * @throws MissingPrivilegeException at once, before any script runs, when migrations are
   *     pending and the migration role may not create objects in the schema (PostgreSQL), naming
   *     the role, the privilege and the schema
   * @throws UnexpectedDatabaseException when a migration fails (that migration is rolled back)
   *     or an applied migration's checksum no longer matches its script
   */
  public List<MigrationReport> migrate(List<MigrationSet> serviceSets) {
    List<MigrationSet> sets = withAppdbFirst(serviceSets);
    Migrator migrator = new Migrator(migrationDataSource, dialect.vendor(), sets);
    expected = sets;
    if (!pool.owned() && pool.hikari() != null && pool.hikari().getMaximumPoolSize() < 2
        && migrationDataSource == pool.dataSource()) {
      throw new IllegalStateException("migrating " + target() + " through the adopted pool needs"
          + " two free connections (Flyway holds one for its lock while it migrates on another);"
          + " the pool allows " + pool.hikari().getMaximumPoolSize());
    }
    try (AutoCloseable held = migrationLock.acquire()) {
      MissingPrivilegeException denied = missingMigrationPrivilege();
      if (denied != null) {
        List<SchemaState> states = migrator.state();
        if (states.stream().anyMatch(state -> state.version() == null || state.pending() > 0)) {
          throw denied; // at once: Flyway would retry ten times and then not say why
        }
        return states.stream().map(state -> new MigrationReport(state.set(), 0, state.version()))
            .toList();
      }
      List<MigrationReport> reports = migrator.migrate();
      for (MigrationReport report : reports) {
        LOG.atInfo().setMessage("migrations applied").addKeyValue("set", report.set())
            .addKeyValue("applied", report.applied())
            .addKeyValue("version", report.schemaVersion()).log();
      }
      return reports;
    } catch (FlywayException e) {
      SQLException sql = sqlException(e);
      SqlErrorKind kind = sql == null ? SqlErrorKind.OTHER : dialect.classify(sql);
      if (kind == SqlErrorKind.UNAVAILABLE || kind == SqlErrorKind.ACCESS_REFUSED) {
        String explained = dialect.explain(sql);
        throw new DatabaseUnavailableException("migrating " + target() + " failed: "
            + (explained != null ? explained
                : "database unavailable (SQLState " + sql.getSQLState() + ")"), e,
            kind == SqlErrorKind.UNAVAILABLE);
      }
      throw new UnexpectedDatabaseException(
          "migrating " + target() + " failed: " + oneLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception releaseFailed) {
      throw new UnexpectedDatabaseException(
          "migrating " + target() + ": releasing the migration lock failed", releaseFailed);
    }
  }

  /**
   * Tells readiness which migration sets the code ships when this process does not migrate
   * (migrations run as a separate step, e.g. by another role): a database behind any of them is
   * not ready. {@link #migrate(List)} does this too.
   *
   * @param serviceSets the service's sets (appdb's own is added first)
   * @return this database, for chaining
   * @throws IllegalArgumentException when the sets collide (see {@link Migrator})
   */
  public JooqDatabase expectMigrations(List<MigrationSet> serviceSets) {
    List<MigrationSet> sets = withAppdbFirst(serviceSets);
    new Migrator(migrationDataSource, dialect.vendor(), sets); // validates, opens nothing
    expected = sets;
    return this;
  }

  private MissingPrivilegeException missingMigrationPrivilege() {
    if (dialect.vendor() != DatabaseVendor.POSTGRESQL) {
      return null; // a file has no privileges to lack
    }
    try (Connection connection = migrationDataSource.getConnection()) {
      return dialect.missingMigrationPrivilege(connection, Migrator.POSTGRESQL_SCHEMA);
    } catch (SQLException e) {
      throw new SqlErrorTranslator(dialect).translate(e);
    }
  }

  private static List<MigrationSet> withAppdbFirst(List<MigrationSet> serviceSets) {
    List<MigrationSet> sets = new ArrayList<>();
    sets.add(MigrationSet.APPDB);
    sets.addAll(serviceSets);
    return List.copyOf(sets);
  }

  /**
   * Reads the history of every expected set (on the probe's thread), each statement bounded by
   * the health timeout where the dialect can ({@link DatabaseDialect#boundSchemaReads}).
   */
  private List<SchemaStatus> schemaState() {
    try {
      return new Migrator(schemaReads, dialect.vendor(), expected).state().stream()
          .map(state -> new SchemaStatus(state.set(), state.version(), state.pending()))
          .toList();
    } catch (FlywayException e) {
      throw new UnexpectedDatabaseException(e.getMessage(), e);
    }
  }

  /**
   * Flyway's report of a failed script as one line (a log line, a CLI error, a JSON field):
   * its summary, the server's message, the SQL state, the script and the line. Dropped: the
   * separator, "Error Code : 0", the statement (Flyway shows it only with -X) and the script's
   * absolute path. Any other line is kept, in order.
   */
  static String oneLine(String flywayMessage) {
    if (flywayMessage == null) {
      return "Flyway failed";
    }
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (String line : flywayMessage.split("\\R")) {
      Matcher field = FLYWAY_FIELD.matcher(line);
      if (line.isBlank() || line.matches("-+") || Character.isWhitespace(line.charAt(0))) {
        continue; // a separator, or a continuation such as "  Position: 49"
      } else if (field.matches()) {
        fields.put(field.group(1), field.group(2).trim());
      } else {
        text.append(text.length() == 0 ? "" : " ").append(line.trim());
      }
    }
    if (fields.containsKey("Message")) {
      text.append(": ").append(fields.get("Message"));
    }
    if (fields.containsKey("SQL State")) {
      text.append(" (SQL State ").append(fields.get("SQL State")).append(")");
    }
    String location = fields.get("Location");
    if (location != null) {
      int absolute = location.indexOf(" (");
      text.append(" at ").append(absolute > 0 ? location.substring(0, absolute) : location);
    }
    if (fields.containsKey("Line")) {
      text.append(" line ").append(fields.get("Line"));
    }
    return text.toString();
  }

  private static SQLException sqlException(Throwable failure) {
    return Causes.first(failure, SQLException.class).orElse(null);
  }

  /** @return which database this is */
  public DatabaseVendor vendor() {
    return dialect.vendor();
  }

  /**
   * Makes a service's repository available inside every unit of work that begins afterwards, as
   * {@code tx.repository(port)}; register at start, before the first unit that needs it.
   *
   * @param port the repository's interface, e.g. {@code OrderRepository.class}
   * @param factory makes the repository for one unit, e.g. {@code JooqOrderRepository::new}
   * @param <R> the port type
   * @return this database, for chaining
   * @throws IllegalArgumentException when {@code port} is not an interface or already has a
   *     repository
   */
  public <R> JooqDatabase register(Class<R> port, RepositoryFactory<? extends R> factory) {
    transactions.register(port, factory);
    return this;
  }

  /**
   * Lets units of work join a transaction already running on their thread instead of beginning
   * their own, e.g. a Spring-managed one on the data source this database adopted: the unit runs
   * on that transaction's connection and that transaction commits or rolls back. A failed unit
   * marks it rollback-only (see {@link EnclosingTransactions}).
   *
   * @param enclosing where to find the running transaction; {@link EnclosingTransactions#NONE}
   *     to stop joining
   * @return this database, for chaining
   */
  public JooqDatabase joinEnclosingTransactions(EnclosingTransactions enclosing) {
    transactions.joinEnclosingTransactions(enclosing);
    return this;
  }

  /**
   * @param observer told about every unit of work that ends from now on (outcome, duration)
   * @return this database, for chaining
   */
  public JooqDatabase observe(UnitOfWorkObserver observer) {
    transactions.observe(observer);
    return this;
  }

  /** @return the connection pool, for binding its metrics; checkouts from it bypass the units */
  ConnectionPool pool() {
    return pool;
  }

  /** @return the unit-of-work port, thread-safe */
  public Transactions transactions() {
    return transactions;
  }

  /**
   * @return health and pool status; health answers within the pool's
   *     {@link dev.appdb.adapter.jooq.PoolSettings#healthTimeout()}
   */
  public DatabaseProbe probe() {
    return probe;
  }

  /**
   * @return the pooled data source, e.g. for a tool that needs JDBC. Connections
   *     from it bypass the units of work and their promises, and are writable whatever unit of
   *     work used them last; {@code unwrap(HikariDataSource.class)} gives HikariCP's own where
   *     appdb built the pool
   */
  public DataSource dataSource() {
    return outsideUnits;
  }

  /** @return where this database is, without secrets, e.g. {@code sqlite:./database.db} */
  public String target() {
    return pool.target();
  }

  /** Stops the probe and closes the pool and every connection (an adopted pool stays open). */
  @Override
  public void close() {
    probe.close();
    pool.close();
  }
}
