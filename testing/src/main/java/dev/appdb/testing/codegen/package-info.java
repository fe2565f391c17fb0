/**
 * Generating a service's jOOQ classes from its migrations, and the check that they did not drift.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.testing.codegen;
