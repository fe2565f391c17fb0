package dev.appdb.benchmarks.jdbc;

import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hand-written JDBC counterpart of appdb's user and identity repositories: the same SQL
 * ({@link JdbcDialect}), one prepared statement per call, rows mapped to the same domain records
 * (whose constructors validate on both sides).
 */
public final class JdbcUsers {

  private final JdbcDialect dialect;

  /** @param dialect the database's SQL and types */
  public JdbcUsers(JdbcDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * @param connection the unit of work's connection
   * @param id the user's id
   * @return the user, or empty
   * @throws SQLException when the statement fails
   */
  public Optional<User> findById(Connection connection, UserId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(dialect.selectUserById())) {
      dialect.setId(select, 1, id.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(toUser(row)) : Optional.empty();
      }
    }
  }

  /**
   * @param connection the unit of work's connection
   * @param user the new user, version 0
   * @throws SQLException when the insert fails (for example a duplicate email)
   */
  public void create(Connection connection, User user) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(dialect.insertUser())) {
      bindUser(insert, user);
      insert.executeUpdate();
    }
  }

  /**
   * Writes {@code user}'s profile when its version is still the stored one.
   *
   * @param connection the unit of work's connection
   * @param user the changed user, carrying the version it was read at
   * @return the stored user, version incremented
   * @throws SQLException when the update fails or no row had that id and version
   */
  public User update(Connection connection, User user) throws SQLException {
    long next = user.version() + 1;
    try (PreparedStatement update = connection.prepareStatement(dialect.updateUser())) {
      update.setString(1, user.firstName());
      update.setString(2, user.lastName());
      setEmail(update, 3, user.email());
      dialect.setInstant(update, 5, user.updatedAt());
      update.setLong(6, next);
      dialect.setId(update, 7, user.id().value());
      update.setLong(8, user.version());
      if (update.executeUpdate() != 1) {
        throw new SQLException("stale version " + user.version() + " of user " + user.id());
      }
    }
    return new User(user.id(), user.firstName(), user.lastName(), user.email(), user.createdAt(),
        user.updatedAt(), next);
  }

  /**
   * @param connection the unit of work's connection
   * @param issuer the issuer
   * @param subject the subject
   * @return the link, or empty
   * @throws SQLException when the statement fails
   */
  public Optional<UserIdentity> findIdentity(Connection connection, Issuer issuer,
      Subject subject) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(dialect.selectIdentity())) {
      select.setString(1, issuer.value());
      select.setString(2, subject.value());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new UserIdentity(new Issuer(row.getString(1)),
            new Subject(row.getString(2)), new UserId(dialect.getId(row, 3)),
            dialect.getInstant(row, 4)));
      }
    }
  }

  /**
   * @param connection the unit of work's connection
   * @return a statement to add {@link #addUser users} to, then execute as a batch
   * @throws SQLException when the driver refuses
   */
  public PreparedStatement prepareUserInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(dialect.insertUser());
  }

  /**
   * @param connection the unit of work's connection
   * @return a statement to add {@link #addIdentity identities} to, then execute as a batch
   * @throws SQLException when the driver refuses
   */
  public PreparedStatement prepareIdentityInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(dialect.insertIdentity());
  }

  /**
   * @param batch a statement from {@link #prepareUserInsert}
   * @param user the user to add to the batch
   * @throws SQLException when the driver refuses
   */
  public void addUser(PreparedStatement batch, User user) throws SQLException {
    bindUser(batch, user);
    batch.addBatch();
  }

  /**
   * @param batch a statement from {@link #prepareIdentityInsert}
   * @param identity the link to add to the batch
   * @throws SQLException when the driver refuses
   */
  public void addIdentity(PreparedStatement batch, UserIdentity identity) throws SQLException {
    batch.setString(1, identity.issuer().value());
    batch.setString(2, identity.subject().value());
    dialect.setId(batch, 3, identity.userId().value());
    dialect.setInstant(batch, 4, identity.linkedAt());
    batch.addBatch();
  }

  /**
   * @param connection any connection
   * @return the ids of every user, in id order
   * @throws SQLException when the statement fails
   */
  public List<UserId> allIds(Connection connection) throws SQLException {
    List<UserId> ids = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
            "select id from " + dialect.table("users") + " order by id");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        ids.add(new UserId(dialect.getId(row, 1)));
      }
    }
    return ids;
  }

  /**
   * Deletes users (and, by cascade, their identities) whose normalized email starts with
   * {@code prefix}.
   *
   * @param connection the unit of work's connection
   * @param prefix the email prefix, without wildcards
   * @return how many users were deleted
   * @throws SQLException when the statement fails
   */
  public int deleteByEmailPrefix(Connection connection, String prefix) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "delete from " + dialect.table("users") + " where email_normalized like ?")) {
      delete.setString(1, prefix + "%");
      return delete.executeUpdate();
    }
  }

  private void bindUser(PreparedStatement insert, User user) throws SQLException {
    dialect.setId(insert, 1, user.id().value());
    insert.setString(2, user.firstName());
    insert.setString(3, user.lastName());
    setEmail(insert, 4, user.email());
    dialect.setInstant(insert, 6, user.createdAt());
    dialect.setInstant(insert, 7, user.updatedAt());
    insert.setLong(8, user.version());
  }

  /** Binds the email and its normalized form at {@code index} and {@code index + 1}. */
  private static void setEmail(PreparedStatement statement, int index, Email email)
      throws SQLException {
    if (email == null) {
      statement.setNull(index, Types.VARCHAR);
      statement.setNull(index + 1, Types.VARCHAR);
    } else {
      statement.setString(index, email.value());
      statement.setString(index + 1, email.normalized());
    }
  }

  private User toUser(ResultSet row) throws SQLException {
    return new User(new UserId(dialect.getId(row, 1)), row.getString(2), row.getString(3),
        Email.ofNullable(row.getString(4)), dialect.getInstant(row, 6),
        dialect.getInstant(row, 7), row.getLong(8));
  }
}
