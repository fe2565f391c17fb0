/**
 * Internal: appdb's user repository, on the repository kit, reached only through the
 * {@code UserRepository} port ({@code tx.users()}). Not API; may change in any release.
 */
package dev.appdb.adapter.jooq.user;
