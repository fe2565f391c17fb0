/**
 * Reading ID-token claims from a file. Not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.oidc;
