package dev.appdb.adapter.jooq.spi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.PropertyElf;
import dev.appdb.adapter.jooq.PoolSettings;
import dev.appdb.adapter.jooq.internal.pool.PreparingDataSource;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import dev.appdb.domain.error.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;
import javax.sql.DataSource;

/**
 * A HikariCP pool configured from {@link PoolSettings}: auto-commit on while idle (a unit of work
 * begins its own transaction; the pool resets what it changed on return), validation on checkout
 * ({@code Connection.isValid}, HikariCP's rule for connections idle over 500 ms; the seed's
 * {@code pool_pre_ping}), fail-fast start. Checkout failures become domain
 * errors; the pool status mirrors the seed's {@code get_pool_status()}.
 *
 * <p>Or a pool the service already has ({@link #adopt}): appdb then checks connections out of it,
 * counts them, and leaves its configuration and its closing to the service.
 */
public final class ConnectionPool implements ConnectionCheckout, AutoCloseable {

  private final DataSource dataSource;
  /** The HikariCP pool when there is one (appdb's own, or an adopted HikariCP), else null. */
  private final HikariDataSource hikari;
  private final boolean owned;
  private final PoolSettings settings;
  private final String target;
  private final LongAdder checkouts = new LongAdder();
  private final LongAdder checkoutTimeouts = new LongAdder();
  private final LongAdder checkoutWaitNanos = new LongAdder();
  private final LongAdder invalid = new LongAdder();
  /** The checkout of every unit of work, made once: a checkout allocates nothing of appdb's. */
  private final Wait poolWait;
  /**
   * Why the last attempt of appdb's own pool to open a connection failed (the message of
   * {@link #unavailable}); null once one succeeds, and always for an adopted pool.
   */
  private final AtomicReference<String> openFailure;
  /** {@code settings.poolTimeout()} in milliseconds, for the message of a timed-out checkout. */
  private final long poolTimeoutMillis;

  /**
   * Opens the pool and its first connection.
   *
   * @param target where the pool connects, for messages and logs; must not hold a password
   *     (e.g. {@code postgresql://db:5432/appdb})
   * @param jdbcUrl the JDBC URL without credentials
   * @param driverProperties driver settings applied to every connection (credentials included,
   *     never logged)
   * @param settings the pool's sizes and timeouts
   * @throws IllegalArgumentException when a {@code pool.hikari} property is not HikariCP's
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public ConnectionPool(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings) {
    this(target, settings, config -> {
      config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
      config.setDataSourceProperties(driverProperties);
    });
  }

  /**
   * Opens the pool over an unpooled data source that holds the connection settings, credentials
   * included: HikariCP then never sees them (its configuration dump at DEBUG masks only a
   * property named {@code password}, not, say, {@code sslpassword}).
   *
   * @param target where the pool connects, for messages and logs; must not hold a password
   * @param unpooled opens one new connection per call
   * @param settings the pool's sizes and timeouts
   * @throws IllegalArgumentException when a {@code pool.hikari} property is not HikariCP's
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public ConnectionPool(String target, DataSource unpooled, PoolSettings settings) {
    this(target, settings, new AtomicReference<>(), Objects.requireNonNull(unpooled, "unpooled"));
  }

  private ConnectionPool(String target, PoolSettings settings,
      AtomicReference<String> openFailure, DataSource unpooled) {
    this(target, settings, config -> config.setDataSource(new PreparingDataSource(unpooled,
        opened -> openFailure.set(null), failure -> openFailure.set(
            unavailable(target, failure, null).getMessage()))), openFailure);
  }

  private ConnectionPool(String target, PoolSettings settings,
      Consumer<HikariConfig> source) {
    this(target, settings, source, new AtomicReference<>());
  }

  private ConnectionPool(String target, PoolSettings settings,
      Consumer<HikariConfig> source, AtomicReference<String> openFailure) {
    this.openFailure = openFailure;
    this.target = Objects.requireNonNull(target, "target");
    this.settings = Objects.requireNonNull(settings, "settings");
    HikariConfig config = new HikariConfig();
    config.setPoolName(settings.name());
    source.accept(config);
    // Auto-commit stays on between units of work: the pool's own validation queries then never
    // leave a transaction (and, on SQLite, a write lock) open on an idle connection.
    config.setAutoCommit(true);
    config.setMinimumIdle(settings.openOnDemand() ? 0 : settings.poolSize());
    config.setMaximumPoolSize(settings.maximumSize());
    config.setConnectionTimeout(settings.poolTimeout().toMillis());
    config.setMaxLifetime(settings.recycle().toMillis());
    config.setIdleTimeout(settings.idleTimeout().toMillis());
    config.setLeakDetectionThreshold(settings.leakDetection().toMillis());
    config.setInitializationFailTimeout(1);
    if (!settings.hikari().isEmpty()) {
      Properties passThrough = new Properties();
      passThrough.putAll(settings.hikari());
      try {
        PropertyElf.setTargetFromProperties(config, passThrough);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("pool.hikari: " + e.getMessage(), e);
      }
    }
    try {
      this.hikari = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw unavailable(e, e);
    }
    this.dataSource = hikari;
    this.owned = true;
    this.poolWait = dataSource::getConnection;
    this.poolTimeoutMillis = settings.poolTimeout().toMillis();
  }

  private ConnectionPool(String target, PoolSettings settings, DataSource adopted) {
    this.openFailure = new AtomicReference<>();
    this.target = Objects.requireNonNull(target, "target");
    this.settings = settings;
    this.dataSource = Objects.requireNonNull(adopted, "dataSource");
    this.hikari = unwrapHikari(adopted);
    this.owned = false;
    this.poolWait = dataSource::getConnection;
    this.poolTimeoutMillis = settings.poolTimeout().toMillis();
  }

  /**
   * Uses a pool the service built (Spring's, Quarkus's, its own HikariCP). appdb does not change
   * its configuration and does not close it; connections it hands out must be in auto-commit
   * mode (every JDBC pool's default).
   *
   * @param target where the pool connects, for messages and logs; must not hold a password
   * @param dataSource the service's pool
   * @param poolTimeout how long the service's pool waits for a free connection, only for the
   *     message of {@link PoolExhaustedException} (a HikariCP pool's own is used instead); never
   *     null
   * @return the adopted pool; its {@link #status} has sizes only when {@code dataSource} is (or
   *     wraps) a HikariCP pool, and appdb's own counters always
   */
  public static ConnectionPool adopt(String target, DataSource dataSource,
      Duration poolTimeout) {
    HikariDataSource hikari = unwrapHikari(Objects.requireNonNull(dataSource, "dataSource"));
    String name = hikari != null && hikari.getPoolName() != null
        && hikari.getPoolName().matches("[A-Za-z0-9_.-]{1,64}") ? hikari.getPoolName()
        : PoolSettings.DEFAULT_NAME;
    int size = hikari != null ? hikari.getMaximumPoolSize() : 1;
    Duration timeout = hikari != null && hikari.getConnectionTimeout() > 0
        ? Duration.ofMillis(hikari.getConnectionTimeout()) : poolTimeout;
    PoolSettings settings = new PoolSettings(name, size, 0, timeout,
        PoolSettings.DEFAULT_RECYCLE, PoolSettings.DEFAULT_IDLE_TIMEOUT,
        PoolSettings.DEFAULT_STATEMENT_TIMEOUT, PoolSettings.DEFAULT_LEAK_DETECTION,
        PoolSettings.DEFAULT_HEALTH_TIMEOUT, false, Map.of());
    return new ConnectionPool(target, settings, dataSource);
  }

  private static HikariDataSource unwrapHikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      return hikari;
    }
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class) : null;
    } catch (SQLException | RuntimeException notAWrapper) {
      return null;
    }
  }

  @Override
  public Connection checkout() {
    return counted(poolWait, poolTimeoutMillis);
  }

  /** How one checkout waits for its connection. */
  @FunctionalInterface
  private interface Wait {
    Connection connection() throws SQLException;
  }

  /** Runs one checkout, counting it and translating its failure. */
  private Connection counted(Wait wait, long timeoutMillis) {
    long start = System.nanoTime();
    try {
      Connection connection = wait.connection();
      checkoutWaitNanos.add(System.nanoTime() - start);
      checkouts.increment();
      return connection;
    } catch (SQLTransientConnectionException timeout) {
      checkoutTimeouts.increment();
      if (timeout.getCause() != null) {
        throw unavailable(timeout.getCause(), timeout);
      }
      throw new PoolExhaustedException(timeoutMillis, status(), timeout);
    } catch (SQLException e) {
      throw unavailable(e, e);
    }
  }

  /**
   * A checkout that waits at most {@code hardTimeout} instead of the pool's checkout timeout,
   * for a probe on the caller's thread; counted like any checkout.
   *
   * @param hardTimeout the longest wait, at least 1 ms
   * @return a validated connection in auto-commit mode, or null when this pool cannot bound a
   *     single checkout (an adopted pool that is not HikariCP)
   * @throws PoolExhaustedException when none was free within {@code hardTimeout}
   * @throws DatabaseUnavailableException when no connection could be opened
   */
  public Connection checkout(Duration hardTimeout) {
    if (hikari == null || !(hikari.getHikariPoolMXBean() instanceof HikariPool bounded)) {
      return null;
    }
    long millis = Math.max(1, hardTimeout.toMillis());
    return counted(() -> bounded.getConnection(millis), millis);
  }


  @Override
  public void evict(Connection connection) {
    invalid.increment();
    if (hikari != null) {
      hikari.evictConnection(connection);
      return;
    }
    // Another pool: abort the connection so that the pool finds it closed and discards it,
    // then hand it back.
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException ignored) {
      // already broken: the pool's own validation discards it
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // the pool discards a connection it cannot take back
    }
  }

  /**
   * @return a snapshot of the pool and its counters; sizes zero while the pool is starting, and
   *     always for an adopted pool that is not HikariCP
   */
  public PoolStatus status() {
    long done = checkouts.sum();
    double meanWaitMillis = done == 0 ? 0 : checkoutWaitNanos.sum() / 1e6 / done;
    HikariPoolMXBean pool = hikari == null ? null : hikari.getHikariPoolMXBean();
    if (pool == null) {
      return new PoolStatus(settings.name(), 0, 0, 0, 0, 0, settings.maximumSize(),
          invalid.sum(), done, checkoutTimeouts.sum(), meanWaitMillis);
    }
    int total = pool.getTotalConnections();
    return new PoolStatus(settings.name(), total, pool.getIdleConnections(),
        pool.getActiveConnections(), Math.max(0, total - settings.poolSize()),
        pool.getThreadsAwaitingConnection(), settings.maximumSize(), invalid.sum(), done,
        checkoutTimeouts.sum(), meanWaitMillis);
  }

  /**
   * @return the HikariCP pool itself, for binding its metrics (e.g. Micrometer); null for an
   *     adopted pool that is not HikariCP. Not for checkouts: they bypass appdb's counters and
   *     units of work
   */
  public HikariDataSource hikari() {
    return hikari;
  }

  /**
   * @return why the pool's last attempt to open a connection failed (TLS refused, login refused,
   *     a timeout; never a password), or null when it succeeded or none was made
   */
  public String lastOpenFailure() {
    return openFailure.get();
  }

  /** @return whether appdb built this pool (and closes it), false for an adopted one */
  public boolean owned() {
    return owned;
  }

  /** @return the pool as a plain data source, for migrations */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * @return the settings the pool was built with (for an adopted pool: its size and checkout
   *     timeout as read from it, appdb's defaults for the rest)
   */
  public PoolSettings settings() {
    return settings;
  }

  /** @return where the pool connects, without secrets */
  public String target() {
    return target;
  }

  /** Closes every connection of a pool appdb built; an adopted pool is left to its owner. */
  @Override
  public void close() {
    if (owned) {
      hikari.close();
    }
  }

  private DatabaseUnavailableException unavailable(Throwable failure, Throwable cause) {
    return unavailable(target, failure, cause);
  }

  /**
   * A connection could not be opened: says why (the root cause's type and message; drivers do
   * not put passwords in their messages) and whether a new attempt can help. Not retryable:
   * SQLSTATE classes {@code 28} (wrong password, no {@code pg_hba.conf} entry, role may not log
   * in) and {@code 3D} (no such database), {@code 42501} (no {@code CONNECT} on the database),
   * pgjdbc's {@code 08004} (the connection was rejected: TLS required but not offered, a
   * password required but none given, an unsupported authentication method) and a failed TLS
   * handshake (an untrusted certificate); the first SQLSTATE in the cause chain decides.
   *
   * @param target where the pool connects, for the message
   * @param failure what opening the connection threw
   * @param cause the exception to keep as the cause, may be null
   * @return the error to throw
   */
  public static DatabaseUnavailableException unavailable(String target, Throwable failure,
      Throwable cause) {
    Throwable root = Causes.root(failure);
    String state = Causes.first(failure, SQLException.class, sql -> sql.getSQLState() != null)
        .map(SQLException::getSQLState).orElse(null);
    boolean handshakeFailed = Causes.first(failure, SSLHandshakeException.class).isPresent();
    if ("08004".equals(state)
        && String.valueOf(root.getMessage()).contains("does not support SSL")) {
      // pgjdbc's own sentence (not the server's) for a server that answered "no TLS"
      return new DatabaseUnavailableException("cannot open a connection to " + target
          + ": TLS was required (sslmode require, verify-ca or verify-full) but the server does"
          + " not offer it; nothing was sent in plaintext", cause, false);
    }
    String code = state == null ? "" : state;
    if ("08P01".equals(code)
        && String.valueOf(root.getMessage()).contains("unsupported startup parameter")) {
      // PgBouncer's refusal of a start-up parameter lasts until its configuration changes
      return new DatabaseUnavailableException("cannot open a connection to " + target + ": "
          + root.getMessage() + ". A pooler answered (PgBouncer refuses start-up parameters it"
          + " does not know): behind a transaction pooler set database.pooler=transaction (or"
          + " pooler=transaction in the URL), which sends no options of appdb's, and drop the"
          + " URL's own start-up parameters (options, currentSchema)", cause, false);
    }
    // 08P01 at start-up: the server or a pooler refused the start-up message itself
    boolean lasting = code.startsWith("28") || code.startsWith("3D") || code.equals("42501")
        || code.equals("08004") || code.equals("08P01") || handshakeFailed;
    return new DatabaseUnavailableException("cannot open a connection to " + target + ": "
        + root.getClass().getSimpleName() + ": " + root.getMessage(), cause, !lasting);
  }
}
