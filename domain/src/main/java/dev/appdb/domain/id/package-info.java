/**
 * Time-ordered UUIDs (version 7), the ids of every entity.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.id;
