/**
 * API for repositories: the one translation of driver failures into domain errors, by
 * constraint name; a service's repository reaches it through
 * {@link dev.appdb.adapter.jooq.transaction.TransactionContext#errors()}.
 */
package dev.appdb.adapter.jooq.error;
