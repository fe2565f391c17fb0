/**
 * Flyway migrations: appdb's set and a service's own ({@link dev.appdb.migrations.MigrationSet}),
 * applied in order by {@link dev.appdb.migrations.Migrator}.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.migrations;
