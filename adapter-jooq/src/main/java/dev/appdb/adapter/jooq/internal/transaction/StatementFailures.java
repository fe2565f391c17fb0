package dev.appdb.adapter.jooq.internal.transaction;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;

/**
 * Sees every statement jOOQ runs on one unit of work's connection fail, whoever sent it (appdb's
 * repositories, a service's, a batch, a read), records the failure on the unit, so the unit can
 * neither go on nor commit, and replaces jOOQ's exception with appdb's domain error. One per unit
 * of work, installed on its jOOQ context by {@link UnitContext#dsl()}. Also starts and
 * stops the unit's statement clock around each statement, where the dialect has one.
 */
final class StatementFailures implements ExecuteListener {

  private static final long serialVersionUID = 1L;

  /** Marks an execution whose statement clock was started (jOOQ's per-execution data). */
  private static final Object TIMED = new Object();

  private final transient UnitContext unit;

  StatementFailures(UnitContext unit) {
    this.unit = unit;
  }

  @Override
  public void executeStart(ExecuteContext ctx) {
    if (ctx.data(TIMED, Boolean.TRUE) == null) { // once per execution, however jOOQ reports it
      unit.statementStarting();
      if (UnitContext.SQL.isDebugEnabled()) {
        UnitContext.SQL.debug(ctx.batchSQL().length > 1
            ? ctx.batchSQL().length + " statements in a batch, the first: " + ctx.batchSQL()[0]
            : ctx.sql());
      }
    }
  }

  @Override
  public void end(ExecuteContext ctx) {
    ended(ctx);
  }

  /** Ends the statement's timing once, whether jOOQ reports its end, its failure or both. */
  private void ended(ExecuteContext ctx) {
    if (ctx.data().remove(TIMED) != null) {
      unit.statementEnded();
    }
  }

  @Override
  public void exception(ExecuteContext ctx) {
    ended(ctx);
    Throwable failure = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
    if (failure != null) {
      Query statement = ctx.query() != null ? ctx.query()
          : ctx.batchQueries().length > 0 ? ctx.batchQueries()[0] : null;
      ctx.exception(unit.statementFailed(failure, statement));
    }
  }
}
