/**
 * Deriving a person's first and last name from what a provider gives.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.naming;
