/**
 * Service-provider interface for adapters: {@link dev.appdb.adapter.jooq.dialect.DatabaseDialect}
 * is what an adapter implements for its database (adapter-sqlite does). Not needed by a service.
 */
package dev.appdb.adapter.jooq.dialect;
