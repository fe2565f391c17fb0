/**
 * A certificate authority for TLS tests.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.testing.tls;
