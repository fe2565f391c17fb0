/**
 * Importing users from an identity provider's export: idempotent, resumable, matching by identity
 * then verified email, each rejection with its reason.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.application.importing;
