/**
 * Internal: appdb's identity repository, reached only through the
 * {@code UserIdentityRepository} port ({@code tx.identities()}). Not API; may change in any
 * release.
 */
package dev.appdb.adapter.jooq.identity;
