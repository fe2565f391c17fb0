/**
 * The checks of text and instants that every entity uses; their errors name the field and the
 * limit.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.validation;
