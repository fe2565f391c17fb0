/**
 * API: {@link dev.appdb.adapter.sqlite.SqliteDatabase}, opening a SQLite file with appdb's
 * settings. {@code SqliteProvider} (found by
 * {@code dev.appdb.adapter.jooq.Databases} through {@link java.util.ServiceLoader}) is public for
 * that alone; not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.adapter.sqlite;
