/**
 * Internal to appdb's adapters: not API, may change in any release. Only adapter-jooq's own
 * packages may use it (an architecture rule checks).
 */
package dev.appdb.adapter.jooq.internal.pool;
