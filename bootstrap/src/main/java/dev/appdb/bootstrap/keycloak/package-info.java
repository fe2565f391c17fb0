/**
 * Reading a Keycloak realm export, streaming, in constant memory. Not API.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.keycloak;
