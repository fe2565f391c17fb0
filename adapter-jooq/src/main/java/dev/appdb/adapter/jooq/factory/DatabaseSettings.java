package dev.appdb.adapter.jooq.factory;

import dev.appdb.adapter.jooq.pool.PoolSettings;
import dev.appdb.adapter.jooq.postgres.PostgresConnectionSettings;
import dev.appdb.adapter.jooq.url.DatabaseTarget;
import dev.appdb.adapter.jooq.url.DatabaseUrls;
import java.util.Objects;

/**
 * What {@link Databases#open(DatabaseSettings)} needs: where the database is, how the pool
 * behaves, and PostgreSQL's network bounds (ignored for SQLite). Immutable; {@link #toString()}
 * never shows a password.
 *
 * @param target a SQLite file or PostgreSQL server(s) with credentials, never null
 * @param pool pool sizes and timeouts, never null
 * @param postgres PostgreSQL connections' connect, login and socket timeouts, keepalive and
 *     idle-in-transaction timeout, never null (unused on SQLite)
 */
public record DatabaseSettings(
    DatabaseTarget target, PoolSettings pool, PostgresConnectionSettings postgres) {

  /** @throws NullPointerException when a component is null */
  public DatabaseSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(postgres, "postgres");
  }

  /**
   * The URL's database with the production defaults ({@link PoolSettings#PRODUCTION},
   * {@link PostgresConnectionSettings#defaults}).
   *
   * @param databaseUrl a {@code DATABASE_URL} in any form {@link DatabaseUrls#parse} reads
   *     ({@code postgresql://...}, {@code jdbc:postgresql:...}, {@code sqlite:///app.db},
   *     {@code jdbc:sqlite:app.db}, ...)
   * @return the settings, never null
   * @throws dev.appdb.adapter.jooq.url.InvalidDatabaseUrlException when the URL is null, blank
   *     or malformed (its message masks every password)
   */
  public static DatabaseSettings of(String databaseUrl) {
    return new DatabaseSettings(DatabaseUrls.parse(databaseUrl), PoolSettings.PRODUCTION,
        PostgresConnectionSettings.defaults(PoolSettings.PRODUCTION.statementTimeout()));
  }

  /**
   * @param newPool the pool settings, never null
   * @return a copy with them; PostgreSQL's socket timeout follows the new statement timeout when
   *     it was the default for the old one
   */
  public DatabaseSettings withPool(PoolSettings newPool) {
    Objects.requireNonNull(newPool, "newPool");
    PostgresConnectionSettings connection = postgres;
    if (postgres.equals(PostgresConnectionSettings.defaults(pool.statementTimeout()))) {
      connection = PostgresConnectionSettings.defaults(newPool.statementTimeout());
    }
    return new DatabaseSettings(target, newPool, connection);
  }

  /**
   * @param newPostgres PostgreSQL's network settings, never null
   * @return a copy with them
   */
  public DatabaseSettings withPostgres(PostgresConnectionSettings newPostgres) {
    return new DatabaseSettings(target, pool, newPostgres);
  }

  /** @return the settings with the target shown as {@link DatabaseTarget#display()} */
  @Override
  public String toString() {
    return "DatabaseSettings[target=" + target.display() + ", pool=" + pool + ", postgres="
        + postgres + "]";
  }
}
