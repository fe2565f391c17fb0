/**
 * The health port: a probe of the database and its report.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.health;
