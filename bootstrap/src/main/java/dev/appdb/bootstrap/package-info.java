/**
 * The composition root: {@link dev.appdb.bootstrap.Appdb} opens the application's database and
 * the named ones from {@code AppdbSettings} and wires the use cases.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap;
