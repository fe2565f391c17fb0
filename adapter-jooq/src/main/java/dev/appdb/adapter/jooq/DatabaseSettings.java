package dev.appdb.adapter.jooq;

import java.util.Objects;

/**
 * What {@link Databases#open(DatabaseSettings)} needs: where the database is, how the pool
 * behaves, and PostgreSQL's network bounds (ignored for SQLite). Immutable; {@link #toString()}
 * never shows a password.
 *
 * @param target a SQLite file or PostgreSQL server(s) with credentials
 * @param pool pool sizes and timeouts
 * @param postgres PostgreSQL connections' connect, login and socket timeouts, keepalive and
 *     idle-in-transaction timeout (unused on SQLite)
 * @param migration PostgreSQL: the login that runs migrations and the owner role it sets; null
 *     to migrate with the target's own credentials (refused for SQLite)
 */
public record DatabaseSettings(DatabaseTarget target, PoolSettings pool,
    PostgresConnectionSettings postgres, MigrationLogin migration) {

  /**
   * @throws NullPointerException when target, pool or postgres is null
   * @throws IllegalArgumentException when a migration login is given for a SQLite file
   */
  public DatabaseSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(postgres, "postgres");
    if (migration != null && !(target instanceof PostgresTarget)) {
      throw new IllegalArgumentException("a migration login is for PostgreSQL; "
          + target.display() + " is a SQLite file");
    }
  }

  /**
   * Migrations with the target's own credentials.
   *
   * @param target see {@link DatabaseSettings}
   * @param pool see {@link DatabaseSettings}
   * @param postgres see {@link DatabaseSettings}
   * @throws NullPointerException when a component is null
   */
  public DatabaseSettings(DatabaseTarget target, PoolSettings pool,
      PostgresConnectionSettings postgres) {
    this(target, pool, postgres, null);
  }

  /**
   * The URL's database with the production defaults ({@link PoolSettings#PRODUCTION},
   * {@link PostgresConnectionSettings#defaults}).
   *
   * @param databaseUrl a {@code DATABASE_URL} in any form {@link DatabaseUrls#parse} reads
   *     ({@code postgresql://...}, {@code jdbc:postgresql:...}, {@code sqlite:///app.db},
   *     {@code jdbc:sqlite:app.db}, ...)
   * @return the settings
   * @throws dev.appdb.adapter.jooq.InvalidDatabaseUrlException when the URL is null, blank
   *     or malformed (its message masks every password)
   */
  public static DatabaseSettings of(String databaseUrl) {
    return new DatabaseSettings(DatabaseUrls.parse(databaseUrl), PoolSettings.PRODUCTION,
        PostgresConnectionSettings.defaults(PoolSettings.PRODUCTION.statementTimeout()));
  }

  /**
   * @param newPool the pool settings
   * @return a copy with them; PostgreSQL's socket timeout follows the new statement timeout when
   *     it was the default for the old one
   */
  public DatabaseSettings withPool(PoolSettings newPool) {
    Objects.requireNonNull(newPool, "newPool");
    PostgresConnectionSettings connection = postgres;
    if (postgres.equals(PostgresConnectionSettings.defaults(pool.statementTimeout()))) {
      connection = PostgresConnectionSettings.defaults(newPool.statementTimeout());
    }
    return new DatabaseSettings(target, newPool, connection, migration);
  }

  /**
   * @param newPostgres PostgreSQL's network settings
   * @return a copy with them
   */
  public DatabaseSettings withPostgres(PostgresConnectionSettings newPostgres) {
    return new DatabaseSettings(target, pool, newPostgres, migration);
  }

  /**
   * @param newMigration the login that runs migrations and the role it sets; null for the
   *     target's own credentials
   * @return a copy with it
   * @throws IllegalArgumentException when the target is a SQLite file
   */
  public DatabaseSettings withMigration(MigrationLogin newMigration) {
    return new DatabaseSettings(target, pool, postgres, newMigration);
  }

  /** @return the settings with the target shown as {@link DatabaseTarget#display()} */
  @Override
  public String toString() {
    return "DatabaseSettings[target=" + target.display() + ", pool=" + pool + ", postgres="
        + postgres + ", migration=" + migration + "]";
  }
}
