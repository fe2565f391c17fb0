/**
 * The CLI's logging: text in dev, JSON in prod. Not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.logging;
