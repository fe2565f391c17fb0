package dev.appdb.adapter.jooq;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How appdb's PostgreSQL connections stay bounded when the network or the server stalls. Each
 * default and limit is {@link Setting}'s; {@link #applyTo} turns the settings into pgjdbc
 * properties ({@code connectTimeout}, {@code loginTimeout}, {@code socketTimeout},
 * {@code tcpKeepAlive}) and the server's {@code statement_timeout} and
 * {@code idle_in_transaction_session_timeout} (start-up {@code options}, or per unit of work behind
 * a transaction pooler, {@link #unitSettings}); a value the URL already gave (e.g. libpq's
 * {@code connect_timeout}) wins, and the URL's {@code options} may set neither server timeout.
 * pgjdbc's {@code logServerErrorDetail} is off, so the server's detail lines (which may quote row
 * values) stay out of exception messages.
 *
 * @param connectTimeout longest TCP connect to one host ({@link Setting#CONNECT_TIMEOUT_SECONDS})
 * @param loginTimeout longest whole connection set-up ({@link Setting#LOGIN_TIMEOUT_SECONDS})
 * @param socketTimeout longest wait for the server's answer to anything (a statement, a
 *     validation, a commit); must exceed the statement timeout, else a statement the server is
 *     still allowed to run would be cut off
 * @param tcpKeepAlive whether the operating system probes idle connections
 * @param idleInTransactionTimeout how long the server keeps a transaction open with no statement
 *     running before it ends the session; {@link Duration#ZERO} disables
 * @param pooler what sits between the pool and the server
 */
public record PostgresConnectionSettings(
    Duration connectTimeout,
    Duration loginTimeout,
    Duration socketTimeout,
    boolean tcpKeepAlive,
    Duration idleInTransactionTimeout,
    Pooler pooler) {

  /** pgjdbc's own default, and libpq's advice for {@code connect_timeout} ("at least 2"). */
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS =
      Setting.CONNECT_TIMEOUT_SECONDS.defaultInt(Profile.PROD);

  /**
   * Covers TLS and SCRAM after the connect; short enough that the pool's single creator thread
   * retries well within a 30 s checkout.
   */
  public static final int DEFAULT_LOGIN_TIMEOUT_SECONDS =
      Setting.LOGIN_TIMEOUT_SECONDS.defaultInt(Profile.PROD);

  /** What the socket timeout exceeds the statement timeout by when not set. */
  public static final int SOCKET_TIMEOUT_MARGIN_SECONDS = 15;

  /** libpq's default ({@code keepalives=1}). */
  public static final boolean DEFAULT_TCP_KEEPALIVE =
      Setting.TCP_KEEPALIVE.defaultBoolean(Profile.PROD);

  /**
   * A unit of work idle inside its transaction for a minute is stuck (the longest statement may
   * run 30 s): it holds row locks and a connection. The server ends such a session and the pool
   * replaces it.
   */
  public static final int DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS =
      Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS.defaultInt(Profile.PROD);

  private static final Pattern SETS_STATEMENT_TIMEOUT =
      Pattern.compile("(-c\\s*|--)statement_timeout\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern SETS_IDLE_IN_TRANSACTION_TIMEOUT =
      Pattern.compile("(-c\\s*|--)idle_in_transaction_session_timeout\\s*=",
          Pattern.CASE_INSENSITIVE);

  /**
   * @throws IllegalArgumentException naming the setting's key and variable and its limit (see
   *     {@link Setting})
   */
  public PostgresConnectionSettings {
    Setting.CONNECT_TIMEOUT_SECONDS.check(connectTimeout);
    Setting.LOGIN_TIMEOUT_SECONDS.check(loginTimeout);
    Setting.SOCKET_TIMEOUT_SECONDS.check(socketTimeout);
    Setting.IDLE_IN_TRANSACTION_TIMEOUT_SECONDS.check(idleInTransactionTimeout);
    Objects.requireNonNull(pooler, "pooler");
  }

  /**
   * Settings for a direct connection ({@link Pooler#NONE}).
   *
   * @see #PostgresConnectionSettings(Duration, Duration, Duration, boolean, Duration, Pooler)
   */
  public PostgresConnectionSettings(Duration connectTimeout, Duration loginTimeout,
      Duration socketTimeout, boolean tcpKeepAlive, Duration idleInTransactionTimeout) {
    this(connectTimeout, loginTimeout, socketTimeout, tcpKeepAlive, idleInTransactionTimeout,
        Pooler.NONE);
  }

  /**
   * @param newPooler what sits between the pool and the server
   * @return a copy with it
   */
  public PostgresConnectionSettings withPooler(Pooler newPooler) {
    return new PostgresConnectionSettings(connectTimeout, loginTimeout, socketTimeout,
        tcpKeepAlive, idleInTransactionTimeout, newPooler);
  }

  /**
   * The statement every unit of work sends first when the server timeouts cannot be session
   * settings (behind a transaction pooler): both timeouts for this transaction only.
   *
   * @param statementTimeout the pool's statement timeout
   * @return e.g. {@code SET LOCAL statement_timeout = 30000; SET LOCAL
   *     idle_in_transaction_session_timeout = 60000} (milliseconds)
   */
  public String unitSettings(Duration statementTimeout) {
    return "SET LOCAL statement_timeout = " + statementTimeout.toMillis()
        + "; SET LOCAL idle_in_transaction_session_timeout = "
        + idleInTransactionTimeout.toMillis();
  }

  /**
   * @param statementTimeout the pool's statement timeout
   * @return the defaults, with the socket timeout derived from {@code statementTimeout}
   */
  public static PostgresConnectionSettings defaults(Duration statementTimeout) {
    return new PostgresConnectionSettings(
        Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS),
        Duration.ofSeconds(DEFAULT_LOGIN_TIMEOUT_SECONDS),
        defaultSocketTimeout(statementTimeout),
        DEFAULT_TCP_KEEPALIVE,
        Duration.ofSeconds(DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS), Pooler.NONE);
  }

  /**
   * @param statementTimeout the pool's statement timeout
   * @return the socket timeout used when none is set: the statement timeout plus
   *     {@value #SOCKET_TIMEOUT_MARGIN_SECONDS} s
   */
  public static Duration defaultSocketTimeout(Duration statementTimeout) {
    return statementTimeout.plusSeconds(SOCKET_TIMEOUT_MARGIN_SECONDS);
  }

  /**
   * Adds these settings to pgjdbc properties, leaving alone every one the URL already set.
   * Directly connected, the two server timeouts travel as the startup {@code options}; behind a
   * transaction pooler they cannot (see {@link #unitSettings}), and prepared statements stay
   * unnamed ({@code prepareThreshold=0}).
   *
   * @param properties pgjdbc properties, modified
   * @param statementTimeout the statement timeout to set on the server
   * @throws IllegalArgumentException when the socket timeout in effect does not exceed
   *     {@code statementTimeout}, the URL's {@code options} set either server timeout, or, behind
   *     a transaction pooler, the URL sets {@code options}, a {@code prepareThreshold} other
   *     than 0 or a {@code defaultRowFetchSize} other than 0
   */
  public void applyTo(Properties properties, Duration statementTimeout) {
    properties.putIfAbsent("connectTimeout", seconds(connectTimeout));
    properties.putIfAbsent("loginTimeout", seconds(loginTimeout));
    properties.putIfAbsent("socketTimeout", seconds(socketTimeout));
    properties.putIfAbsent("tcpKeepAlive", Boolean.toString(tcpKeepAlive));
    long socket = Long.parseLong(properties.getProperty("socketTimeout"));
    if (socket != 0 && socket <= statementTimeout.toSeconds()) {
      throw new IllegalArgumentException(Setting.SOCKET_TIMEOUT_SECONDS.label() + " (" + socket
          + " s) must exceed " + Setting.STATEMENT_TIMEOUT_SECONDS.label() + " ("
          + statementTimeout.toSeconds() + " s): the client would give up on statements the"
          + " server is still allowed to run");
    }
    String given = properties.getProperty("options", "");
    if (SETS_STATEMENT_TIMEOUT.matcher(given).find()
        || SETS_IDLE_IN_TRANSACTION_TIMEOUT.matcher(given).find()) {
      throw new IllegalArgumentException("options must not set statement_timeout or"
          + " idle_in_transaction_session_timeout: they have settings of their own"
          + " (pool.statement-timeout-seconds, database.idle-in-transaction-timeout-seconds),"
          + " which the socket timeout is checked against");
    }
    if (pooler == Pooler.TRANSACTION) {
      applyTransactionPooling(properties);
    } else {
      String ours = "-c statement_timeout=" + statementTimeout.toMillis()
          + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis();
      properties.setProperty("options", given.isBlank() ? ours : ours + " " + given);
    }
    // keep the server's error detail (it may quote row values) out of exception messages
    properties.putIfAbsent("logServerErrorDetail", "false");
  }

  /**
   * Behind a transaction pooler: no startup {@code options}, no named prepared statement (its
   * name would reach other clients' server connections), no fetch size (pgjdbc names the
   * statement of a portal).
   */
  private static void applyTransactionPooling(Properties properties) {
    Map<String, String> given = new java.util.HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      given.put(name, properties.getProperty(name));
    }
    checkTransactionPooling(given);
    properties.setProperty("prepareThreshold", "0");
    properties.remove("options");
  }

  /**
   * Refuses the pgjdbc properties a transaction pooler cannot honour: {@code options} and
   * {@code currentSchema} (start-up parameters, which PgBouncer refuses and which would not
   * outlive a transaction anyway), and a {@code prepareThreshold} or {@code defaultRowFetchSize}
   * other than 0 (named server-side statements).
   *
   * @param properties pgjdbc properties by name, e.g. a URL's
   * @throws IllegalArgumentException naming the first property at fault and why
   */
  public static void checkTransactionPooling(Map<String, String> properties) {
    for (String startup : new String[] {"options", "currentSchema"}) {
      String value = properties.get(startup);
      if (value != null && !value.isBlank()) {
        throw new IllegalArgumentException(startup + " cannot be used with database.pooler="
            + Pooler.TRANSACTION.key() + ": it is a start-up parameter, which a transaction"
            + " pooler refuses (or drops), and a session setting would not outlive the"
            + " transaction");
      }
    }
    for (String named : new String[] {"prepareThreshold", "defaultRowFetchSize"}) {
      String value = properties.get(named);
      if (value == null || value.isBlank()) {
        continue;
      }
      int number;
      try {
        number = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number != 0) {
        throw new IllegalArgumentException(named + " must be 0 with database.pooler="
            + Pooler.TRANSACTION.key() + ", was " + value + ": a named server-side statement"
            + " would be run by other clients sharing the server connection");
      }
    }
  }

  /**
   * Adds only the connection set-up bounds and keepalive, for a connection that may run
   * statements of any length (a migration): no socket or statement timeout. Values the URL set
   * stay; behind a transaction pooler, prepared statements stay unnamed.
   *
   * @param properties pgjdbc properties, modified
   * @throws IllegalArgumentException behind a transaction pooler, as {@link #applyTo} does
   */
  public void applyConnectTo(Properties properties) {
    properties.putIfAbsent("connectTimeout", seconds(connectTimeout));
    properties.putIfAbsent("loginTimeout", seconds(loginTimeout));
    properties.putIfAbsent("tcpKeepAlive", Boolean.toString(tcpKeepAlive));
    if (pooler == Pooler.TRANSACTION) {
      applyTransactionPooling(properties);
    }
  }

  private static String seconds(Duration duration) {
    return Long.toString(duration.toSeconds());
  }

}
