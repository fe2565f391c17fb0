package dev.appdb.adapter.jooq.internal.transaction;

import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;

/**
 * Refuses jOOQ's own transactions on a unit of work's jOOQ context: jOOQ's default provider
 * would call {@code commit()} or {@code rollback()} on the unit's connection and end the unit's
 * transaction behind its back (committing work the unit may later roll back, or the reverse).
 */
final class UnitIsTheTransaction implements TransactionProvider {

  static final UnitIsTheTransaction INSTANCE = new UnitIsTheTransaction();

  private UnitIsTheTransaction() {}

  @Override
  public void begin(TransactionContext ctx) {
    throw new IllegalStateException("a unit of work is the transaction: do not open a jOOQ"
        + " transaction inside it (dsl().transaction); run the work in the unit itself, or in"
        + " a unit of its own");
  }

  @Override
  public void commit(TransactionContext ctx) {
    throw new IllegalStateException("no jOOQ transaction is open inside a unit of work");
  }

  @Override
  public void rollback(TransactionContext ctx) {
    throw new IllegalStateException("no jOOQ transaction is open inside a unit of work");
  }
}
