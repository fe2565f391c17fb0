package dev.appdb.adapter.jooq;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What sits between appdb's pool and PostgreSQL, as far as session state is concerned: setting
 * {@code database.pooler} (YAML), {@code DATABASE_POOLER} (environment) or the query parameter
 * {@code pooler} of any {@code DATABASE_URL} form.
 *
 * <p>{@link #TRANSACTION} is for a pooler that hands each transaction its own server connection
 * (PgBouncer {@code pool_mode = transaction}, and others that multiplex the same way). Nothing
 * of a session survives a transaction there, so appdb:
 * <ul>
 *   <li>uses no named server-side prepared statement ({@code prepareThreshold=0}, no fetch size),
 *       since its name would reach another client's server connection, where the same name can
 *       mean another statement (a {@code COMMIT} run as another client's {@code ROLLBACK});</li>
 *   <li>sends no startup {@code options} (poolers refuse it) and sets the statement and
 *       idle-in-transaction timeouts with {@code SET LOCAL} at the start of every unit of work;
 *       </li>
 *   <li>never sends a session-wide {@code SET ROLE} for migrations: the migration login must
 *       have the owner's role as its default ({@code ALTER ROLE ... SET role}), else migrations
 *       are refused saying so (or run them over a direct connection).</li>
 * </ul>
 * appdb also notices a pooler it was not told about (the server's process id differs from the
 * one the connection was given) and then behaves as with {@link #TRANSACTION}, with a warning.
 */
public enum Pooler {

  /** A direct connection, or a pooler in session mode: session state holds. The default. */
  NONE("none"),

  /** A pooler in transaction mode: nothing of a session outlives a transaction. */
  TRANSACTION("transaction");

  private final String key;

  Pooler(String key) {
    this.key = key;
  }

  /** @return the value as written in settings and URLs, e.g. {@code transaction} */
  public String key() {
    return key;
  }

  /**
   * @param value a setting's value, e.g. {@code transaction}; case-insensitive, surrounding
   *     blanks ignored
   * @param setting the setting's name for the error, e.g. {@code database.pooler}
   * @return the pooler
   * @throws IllegalArgumentException naming {@code setting} and the accepted values
   */
  public static Pooler parse(String value, String setting) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (Pooler pooler : values()) {
      if (pooler.key.equals(wanted)) {
        return pooler;
      }
    }
    throw new IllegalArgumentException(setting + " must be one of "
        + Arrays.stream(values()).map(Pooler::key).collect(Collectors.joining(", "))
        + ", was '" + value + "'");
  }
}
