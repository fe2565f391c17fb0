/**
 * Internal: the pre-rendered statements and plain-JDBC column access behind the repository kit
 * and appdb's repositories. Not API; may change in any release.
 */
package dev.appdb.adapter.jooq.lookup;
