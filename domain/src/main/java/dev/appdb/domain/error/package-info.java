/**
 * The domain's errors, one sealed hierarchy under {@link dev.appdb.domain.error.AppdbException}: what a caller
 * can act on (validation, duplicates, not found, concurrent updates) and infrastructure failures
 * (database unavailable, pool exhausted, query timeout, commit outcome unknown), each saying
 * whether running the unit again may succeed.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.error;
