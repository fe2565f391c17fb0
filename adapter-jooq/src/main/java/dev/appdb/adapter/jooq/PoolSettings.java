package dev.appdb.adapter.jooq;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Connection pool settings, named after the seed's SQLAlchemy engine options and applied to
 * HikariCP as {@code docs/CONFIGURATION.md} says. Each default is {@link Setting}'s, kept here as a
 * named constant; the constructor is the one validation pass, against {@link Setting}'s limits,
 * and it refuses what HikariCP would only warn about and quietly change (an idle timeout not below
 * the lifetime, a leak threshold above it).
 *
 * @param name the pool's name, in logs, metrics and errors ({@code poolName});
 *     {@code [A-Za-z0-9_.-]}, 1–64 characters
 * @param poolSize connections kept open ({@code pool_size}; HikariCP {@code minimumIdle}); 1+
 * @param maxOverflow extra connections opened under load and retired after {@code idleTimeout}
 *     ({@code max_overflow}; HikariCP {@code maximumPoolSize = poolSize + maxOverflow}); 0+
 * @param poolTimeout how long a checkout waits for a free connection before failing with the
 *     pool-exhausted error ({@code pool_timeout}; HikariCP {@code connectionTimeout}); 250 ms+
 * @param recycle the longest a connection lives ({@code pool_recycle}; HikariCP
 *     {@code maxLifetime}); 30 s+
 * @param idleTimeout how long an overflow connection may sit idle before it is retired
 *     (HikariCP {@code idleTimeout}); 10 s+, at least 1 s below {@code recycle}
 * @param statementTimeout how long one statement may run before it is cancelled (the seed's
 *     {@code statement_timeout}; whole seconds); 1 s+
 * @param leakDetection how long a connection may stay checked out before HikariCP logs a
 *     warning with the stack of its checkout (HikariCP {@code leakDetectionThreshold});
 *     {@link Duration#ZERO} off, else 2 s+ and below {@code recycle}
 * @param healthTimeout the longest a health or readiness check takes, whatever the database
 *     does (the report then says it did not answer in time); 100 ms to 60 s
 * @param openOnDemand true to open connections only when a unit of work needs one (HikariCP
 *     {@code minimumIdle = 0}), for one-shot processes such as the CLI; false to keep
 *     {@code poolSize} open, for a long-lived service
 * @param hikari other HikariCP properties by their bean name (e.g.
 *     {@code validationTimeout: 3000}), applied last; none of those above, which have one
 *     setting each, and no {@code dataSource.*} driver property (the adapter and the URL own
 *     those); copied, unmodifiable
 */
public record PoolSettings(
    String name,
    int poolSize,
    int maxOverflow,
    Duration poolTimeout,
    Duration recycle,
    Duration idleTimeout,
    Duration statementTimeout,
    Duration leakDetection,
    Duration healthTimeout,
    boolean openOnDemand,
    Map<String, String> hikari) {

  /** The pool's name when none is given. */
  public static final String DEFAULT_NAME = Setting.POOL_NAME.defaultValue(Profile.PROD)
      .orElseThrow();
  /** The seed's {@code pool_size} in production: {@link Setting#POOL_SIZE}'s prod default. */
  public static final int DEFAULT_POOL_SIZE = Setting.POOL_SIZE.defaultInt(Profile.PROD);
  /** The seed's {@code max_overflow} in production. */
  public static final int DEFAULT_MAX_OVERFLOW = Setting.POOL_MAX_OVERFLOW.defaultInt(Profile.PROD);
  /** The seed's {@code pool_timeout}. */
  public static final Duration DEFAULT_POOL_TIMEOUT =
      Setting.POOL_TIMEOUT_SECONDS.defaultDuration(Profile.PROD);
  /** The seed's {@code pool_recycle}. */
  public static final Duration DEFAULT_RECYCLE =
      Setting.POOL_RECYCLE_SECONDS.defaultDuration(Profile.PROD);
  /** Idle overflow connections retire after this long, HikariCP's default. */
  public static final Duration DEFAULT_IDLE_TIMEOUT =
      Setting.POOL_IDLE_TIMEOUT_SECONDS.defaultDuration(Profile.PROD);
  /** The seed's statement timeout. */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT =
      Setting.STATEMENT_TIMEOUT_SECONDS.defaultDuration(Profile.PROD);
  /** Leak detection is off unless asked for. */
  public static final Duration DEFAULT_LEAK_DETECTION =
      Setting.POOL_LEAK_DETECTION_SECONDS.defaultDuration(Profile.PROD);
  /** A health check answers within this long, inside a Kubernetes probe's period + slack. */
  public static final Duration DEFAULT_HEALTH_TIMEOUT =
      Setting.HEALTH_TIMEOUT_MILLIS.defaultDuration(Profile.PROD);
  /** The seed's {@code pool_size} in development. */
  public static final int DEVELOPMENT_POOL_SIZE = Setting.POOL_SIZE.defaultInt(Profile.DEV);
  /** The seed's {@code max_overflow} in development. */
  public static final int DEVELOPMENT_MAX_OVERFLOW =
      Setting.POOL_MAX_OVERFLOW.defaultInt(Profile.DEV);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /**
   * HikariCP properties that an appdb setting (or appdb itself) owns; the pass-through refuses
   * them so that each has one source of truth.
   */
  static final Set<String> OWNED = Set.of("jdbcUrl", "username", "password", "dataSource",
      "dataSourceClassName", "dataSourceProperties", "driverClassName", "poolName",
      "minimumIdle", "maximumPoolSize", "connectionTimeout", "maxLifetime", "idleTimeout",
      "leakDetectionThreshold", "autoCommit", "readOnly", "initializationFailTimeout",
      "metricRegistry", "metricsTrackerFactory", "healthCheckRegistry");

  /** The seed's production defaults: 20 + 10 connections, 30 s checkout, 1800 s recycle. */
  public static final PoolSettings PRODUCTION = new PoolSettings(DEFAULT_POOL_SIZE,
      DEFAULT_MAX_OVERFLOW, DEFAULT_POOL_TIMEOUT, DEFAULT_RECYCLE, DEFAULT_IDLE_TIMEOUT,
      DEFAULT_STATEMENT_TIMEOUT);

  /** The seed's development defaults: 5 connections, no overflow, the rest as in production. */
  public static final PoolSettings DEVELOPMENT = PRODUCTION.withSize(DEVELOPMENT_POOL_SIZE,
      DEVELOPMENT_MAX_OVERFLOW);

  /**
   * The seed's six settings, the rest at their defaults.
   *
   * @param poolSize see {@link PoolSettings}
   * @param maxOverflow see {@link PoolSettings}
   * @param poolTimeout see {@link PoolSettings}
   * @param recycle see {@link PoolSettings}
   * @param idleTimeout see {@link PoolSettings}
   * @param statementTimeout see {@link PoolSettings}
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings(int poolSize, int maxOverflow, Duration poolTimeout, Duration recycle,
      Duration idleTimeout, Duration statementTimeout) {
    this(DEFAULT_NAME, poolSize, maxOverflow, poolTimeout, recycle, idleTimeout,
        statementTimeout, DEFAULT_LEAK_DETECTION, DEFAULT_HEALTH_TIMEOUT, false, Map.of());
  }

  /**
   * The one validation pass: each value within its {@link Setting}'s limits, and the rules
   * between them.
   *
   * @throws IllegalArgumentException naming the setting's key and variable and its limit
   */
  public PoolSettings {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(Setting.POOL_NAME.label() + " must be 1-64 of A-Z a-z"
          + " 0-9 _ . -, was " + (name == null ? "missing" : "'" + name + "'"));
    }
    Setting.POOL_SIZE.check(poolSize);
    Setting.POOL_MAX_OVERFLOW.check(maxOverflow);
    Setting.POOL_TIMEOUT_SECONDS.check(poolTimeout);
    Setting.POOL_RECYCLE_SECONDS.check(recycle);
    Setting.POOL_IDLE_TIMEOUT_SECONDS.check(idleTimeout);
    Setting.STATEMENT_TIMEOUT_SECONDS.check(statementTimeout);
    if (idleTimeout.plusSeconds(1).compareTo(recycle) > 0) {
      throw new IllegalArgumentException(Setting.POOL_IDLE_TIMEOUT_SECONDS.label()
          + " must be at least 1 s below " + Setting.POOL_RECYCLE_SECONDS.label() + ", was "
          + idleTimeout.toSeconds() + " s against " + recycle.toSeconds()
          + " s; HikariCP would otherwise switch it off");
    }
    Setting.POOL_LEAK_DETECTION_SECONDS.check(leakDetection);
    if (!leakDetection.isZero()) {
      if (leakDetection.compareTo(Duration.ofSeconds(2)) < 0) {
        throw new IllegalArgumentException(Setting.POOL_LEAK_DETECTION_SECONDS.label()
            + " must be 0 (off) or at least 2 s, was " + leakDetection.toMillis() + " ms");
      }
      if (leakDetection.compareTo(recycle) >= 0) {
        throw new IllegalArgumentException(Setting.POOL_LEAK_DETECTION_SECONDS.label()
            + " must be below " + Setting.POOL_RECYCLE_SECONDS.label() + ", was "
            + leakDetection.toSeconds() + " s against " + recycle.toSeconds()
            + " s; HikariCP would otherwise switch it off");
      }
    }
    Setting.HEALTH_TIMEOUT_MILLIS.check(healthTimeout);
    if (hikari == null) {
      throw new IllegalArgumentException(Setting.HIKARI_PREFIX + "* must be a map, was missing");
    }
    for (String property : hikari.keySet()) {
      // HikariCP reads a property whatever the case of its first letter, and dataSource.* as
      // driver properties (which would replace appdb's timeouts and credentials)
      String bean = property.isEmpty() ? property
          : Character.toLowerCase(property.charAt(0)) + property.substring(1);
      if (OWNED.contains(bean) || bean.startsWith("dataSource.")) {
        throw new IllegalArgumentException(Setting.HIKARI_PREFIX + property + " is set by appdb"
            + " (its own setting or the adapter); use that instead");
      }
    }
    hikari = Map.copyOf(new TreeMap<>(hikari));
  }

  /** @return {@code poolSize + maxOverflow} */
  public int maximumSize() {
    return poolSize + maxOverflow;
  }

  /**
   * @param newPoolSize connections kept open, at least 1 (the seed's {@code pool_size})
   * @param newMaxOverflow connections opened beyond them under load, at least 0 (the seed's
   *     {@code max_overflow})
   * @return a copy with these sizes
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings withSize(int newPoolSize, int newMaxOverflow) {
    return new PoolSettings(name, newPoolSize, newMaxOverflow, poolTimeout, recycle, idleTimeout,
        statementTimeout, leakDetection, healthTimeout, openOnDemand, hikari);
  }

  /**
   * @param newStatementTimeout the longest a statement may run, at least 1 s
   * @return a copy with it
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings withStatementTimeout(Duration newStatementTimeout) {
    return new PoolSettings(name, poolSize, maxOverflow, poolTimeout, recycle, idleTimeout,
        newStatementTimeout, leakDetection, healthTimeout, openOnDemand, hikari);
  }

  /**
   * @param newName the pool's name in metrics and messages, see {@link PoolSettings}
   * @return a copy with it
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings withName(String newName) {
    return new PoolSettings(newName, poolSize, maxOverflow, poolTimeout, recycle, idleTimeout,
        statementTimeout, leakDetection, healthTimeout, openOnDemand, hikari);
  }

  /**
   * @param newPoolTimeout how long a checkout waits for a free connection, 250 ms or more
   * @return a copy with it
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings withPoolTimeout(Duration newPoolTimeout) {
    return new PoolSettings(name, poolSize, maxOverflow, newPoolTimeout, recycle, idleTimeout,
        statementTimeout, leakDetection, healthTimeout, openOnDemand, hikari);
  }

  /**
   * @param newHealthTimeout the longest a health check takes, 100 ms to 60 s
   * @return a copy with it
   * @throws IllegalArgumentException naming the setting and its limit
   */
  public PoolSettings withHealthTimeout(Duration newHealthTimeout) {
    return new PoolSettings(name, poolSize, maxOverflow, poolTimeout, recycle, idleTimeout,
        statementTimeout, leakDetection, newHealthTimeout, openOnDemand, hikari);
  }

  /**
   * @return a copy that opens connections only when units of work need them, for one-shot
   *     processes (see {@link PoolSettings})
   */
  public PoolSettings onDemand() {
    return new PoolSettings(name, poolSize, maxOverflow, poolTimeout, recycle, idleTimeout,
        statementTimeout, leakDetection, healthTimeout, true, hikari);
  }

}
