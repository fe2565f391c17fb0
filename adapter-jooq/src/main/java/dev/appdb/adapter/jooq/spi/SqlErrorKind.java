package dev.appdb.adapter.jooq.spi;

/** What a driver's {@link java.sql.SQLException} means, as far as appdb's error mapping cares. */
public enum SqlErrorKind {
  /** A unique or primary key constraint was violated. */
  UNIQUE_VIOLATION,
  /** A foreign key constraint was violated. */
  FOREIGN_KEY_VIOLATION,
  /** A statement was cancelled by the statement timeout, or a lock wait timed out. */
  TIMEOUT,
  /** Deadlock or serialization failure between transactions; retrying is safe. */
  TRANSACTION_CONFLICT,
  /** A table or schema appdb needs does not exist: the migrations were not applied. */
  SCHEMA_MISSING,
  /** The role lacks a privilege the statement needs (PostgreSQL {@code 42501}); never retried. */
  PERMISSION_DENIED,
  /** The database cannot be reached, opened or written (connection, I/O, disk full). */
  UNAVAILABLE,
  /**
   * The database refused access in a way a new attempt meets again until an operator acts: a
   * refused login or a missing database (SQLSTATE classes {@code 28} and {@code 3D}), a
   * read-only, unopenable or corrupt SQLite file; never retried.
   */
  ACCESS_REFUSED,
  /** Anything else: a bug or a misconfiguration. */
  OTHER
}
