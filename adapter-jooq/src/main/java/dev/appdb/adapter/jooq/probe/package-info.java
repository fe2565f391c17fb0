/**
 * Internal: the health check and pool status behind
 * {@link dev.appdb.adapter.jooq.JooqDatabase#probe()}, reached through the
 * {@code DatabaseProbe} port. Not API.
 */
package dev.appdb.adapter.jooq.probe;
