package dev.appdb.adapter.jooq.spi;

/**
 * Bounds how long the statements on one connection run, for a database that cannot time them out
 * itself and whose driver's JDBC query timeout does not either (sqlite-jdbc applies it to lock
 * waits only). The unit of work starts it before each statement it runs and stops it afterwards;
 * a statement still running when its time is up fails with the driver's interruption, which the
 * dialect classifies as {@link SqlErrorKind#TIMEOUT}. Used by one thread at a time, the one that
 * runs the connection's statements.
 */
public interface StatementClock {

  /** Starts timing the statement about to run, restarting the clock if it was running. */
  void start();

  /** Stops timing: nothing is interrupted until the next {@link #start}. */
  void stop();
}
