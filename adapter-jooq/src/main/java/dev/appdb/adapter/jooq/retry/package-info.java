/**
 * API. A unit-of-work port that runs a unit again after a failure that left nothing committed.
 */
package dev.appdb.adapter.jooq.retry;
