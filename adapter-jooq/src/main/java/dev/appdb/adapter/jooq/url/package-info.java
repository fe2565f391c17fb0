/**
 * API. {@code DATABASE_URL} in every accepted form:
 * {@link dev.appdb.adapter.jooq.url.DatabaseUrls} and the targets it returns.
 */
package dev.appdb.adapter.jooq.url;
