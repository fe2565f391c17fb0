/**
 * API. Pool and unit-of-work metrics on a Micrometer registry (Micrometer optional).
 */
package dev.appdb.adapter.jooq.metrics;
