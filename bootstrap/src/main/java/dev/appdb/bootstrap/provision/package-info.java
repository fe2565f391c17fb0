/**
 * The operator's provisioning of a PostgreSQL server ({@code appdb provision}): roles, databases
 * and grants from a plan, over plain JDBC as the administrator. Runs beside the CLI, not in a
 * service.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.provision;
