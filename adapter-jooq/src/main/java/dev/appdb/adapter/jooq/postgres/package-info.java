/**
 * API: {@link dev.appdb.adapter.jooq.postgres.PostgresDatabase},
 * {@link dev.appdb.adapter.jooq.postgres.PostgresConnectionSettings} and
 * {@link dev.appdb.adapter.jooq.postgres.MigrationLogin}. The dialect, the socket factory and the
 * data sources are internal; not API.
 */
package dev.appdb.adapter.jooq.postgres;
