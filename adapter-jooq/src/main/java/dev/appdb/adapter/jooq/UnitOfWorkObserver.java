package dev.appdb.adapter.jooq;

/**
 * Told about every unit of work that got a connection when it ends (a failed checkout is not a
 * unit; the pool's counters have it), e.g. to count and time them
 * ({@code MicrometerMetrics}). Called on the unit's thread after its connection went back to the
 * pool; must be fast and must not throw (what it throws is logged and dropped).
 */
@FunctionalInterface
public interface UnitOfWorkObserver {

  /** How a unit of work ended. */
  enum Outcome {
    /** The commit happened. */
    COMMITTED,
    /** Nothing was committed: the work threw, a statement failed, or the commit was refused. */
    ROLLED_BACK,
    /** The connection was lost during the commit: it may or may not have happened. */
    OUTCOME_UNKNOWN,
    /**
     * The unit ran inside an enclosing transaction (see {@code JooqDatabase
     * .joinEnclosingTransactions}) and did not fail; that transaction commits or rolls back.
     */
    JOINED
  }

  /**
   * @param readOnly whether the unit was read-only
   * @param outcome how it ended
   * @param nanos how long it took from checkout to the connection's return, in nanoseconds
   */
  void ended(boolean readOnly, Outcome outcome, long nanos);
}
