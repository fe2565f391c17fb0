/**
 * The unit-of-work port ({@link dev.appdb.application.port.Transactions}), what a unit sees
 * ({@link dev.appdb.application.port.UnitOfWork}) and the one retry policy
 * ({@link dev.appdb.application.port.RetryPolicy}).
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.port;
