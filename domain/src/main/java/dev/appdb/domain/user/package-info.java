/**
 * Users: the entity, its value objects (id, email) and its repository port.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.user;
