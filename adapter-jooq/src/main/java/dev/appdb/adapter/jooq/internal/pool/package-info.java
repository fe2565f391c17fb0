/**
 * Internal to appdb's adapters: not API, may change in any release. Only adapter-jooq's own
 * packages may use it (an architecture rule checks).
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.adapter.jooq.internal.pool;
