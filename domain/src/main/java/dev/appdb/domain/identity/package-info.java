/**
 * OpenID Connect identity links: an issuer and subject bound to a user, and their repository
 * port.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.identity;
