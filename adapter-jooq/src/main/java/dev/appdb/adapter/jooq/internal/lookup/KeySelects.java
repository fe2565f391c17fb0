package dev.appdb.adapter.jooq.internal.lookup;

import static dev.appdb.adapter.jooq.schema.Tables.USERS;
import static dev.appdb.adapter.jooq.schema.Tables.USER_IDENTITIES;

import dev.appdb.adapter.jooq.schema.tables.records.UserIdentitiesRecord;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import org.jooq.Configuration;

/**
 * The lookups by unique key that every sign-in and every imported user run, rendered once per
 * database: a user by normalized email, an identity link by (issuer, subject). (A user by id is
 * the repository kit's lookup by id, rendered once per database the same way.)
 *
 * @param userByEmail {@code users} by {@code email_normalized} (the case-folded email)
 * @param identityByKey {@code user_identities} by {@code issuer}, then {@code subject}
 */
public record KeySelects(
    RenderedSelect<UsersRecord> userByEmail,
    RenderedSelect<UserIdentitiesRecord> identityByKey) {

  /**
   * @param configuration the database's jOOQ configuration; needs no connection
   * @return the three selects rendered for that database
   */
  public static KeySelects render(Configuration configuration) {
    return new KeySelects(
        RenderedSelect.byKey(configuration, USERS.EMAIL_NORMALIZED),
        RenderedSelect.byKey(configuration, USER_IDENTITIES.ISSUER, USER_IDENTITIES.SUBJECT));
  }
}
