/**
 * What a service's tests reuse: a PostgreSQL server started by the test run, PgBouncer in front of
 * it, and the schema parity check.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.testing;
