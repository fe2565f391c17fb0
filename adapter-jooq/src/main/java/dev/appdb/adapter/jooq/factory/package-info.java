/**
 * API. Opening a database from a URL, a settings record or an existing {@code DataSource},
 * the same code for SQLite and PostgreSQL.
 */
package dev.appdb.adapter.jooq.factory;
