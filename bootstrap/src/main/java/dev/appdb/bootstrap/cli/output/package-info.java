/**
 * What the commands print: human-readable text or {@code --json}. Not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.cli.output;
