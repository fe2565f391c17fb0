package dev.appdb.adapter.jooq;

/**
 * Where {@code DATABASE_URL} points: a SQLite file or a PostgreSQL server (list), as parsed by
 * {@link DatabaseUrls#parse(String)}.
 */
public sealed interface DatabaseTarget permits SqliteTarget, PostgresTarget {

  /**
   * @return where the target points, safe to print and log: never a password, not even its
   *     length (a set password shows as {@code ****}); never {@code null}
   */
  String display();
}
