/**
 * Use cases over users: register, update a profile, delete, list.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.user;
