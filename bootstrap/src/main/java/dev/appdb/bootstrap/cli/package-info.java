/**
 * The {@code appdb} command line (picocli): one class per command, exit codes, failure messages.
 * Not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.cli;
