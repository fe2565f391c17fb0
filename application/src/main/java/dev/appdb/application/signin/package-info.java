/**
 * Signing in from verified ID-token claims: find the linked user, link by verified email, or
 * create one.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.signin;
