package dev.appdb.benchmarks.jdbc;

import dev.appdb.benchmarks.notes.Note;
import dev.appdb.benchmarks.notes.NoteId;
import dev.appdb.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hand-written JDBC counterpart of the notes' kit repository: the SQL a service would write
 * by hand for the same statements, one prepared statement per call, rows mapped straight to
 * {@link Note} (whose constructor validates on both sides).
 */
public final class JdbcNotes {

  private static final String COLUMNS =
      "id, user_id, title, pinned, created_at, updated_at, version";

  private final JdbcDialect dialect;
  private final String select;
  private final String insert;
  private final String update;

  /** @param dialect the database's types and table names */
  public JdbcNotes(JdbcDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    String notes = dialect.table("notes");
    select = "select " + COLUMNS + " from " + notes + " where id = ?";
    insert = "insert into " + notes + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)";
    // as the kit's: every column but id and created_at
    update = "update " + notes + " set version = ?, user_id = ?, title = ?, pinned = ?, "
        + "updated_at = ? where id = ? and version = ?";
  }

  /**
   * @param connection the unit of work's connection
   * @param id the note's id
   * @return the note, or empty
   * @throws SQLException when the statement fails
   */
  public Optional<Note> findById(Connection connection, NoteId id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      dialect.setId(statement, 1, id.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new Note(new NoteId(dialect.getId(row, 1)),
            new UserId(dialect.getId(row, 2)), row.getString(3), row.getBoolean(4),
            dialect.getInstant(row, 5), dialect.getInstant(row, 6), row.getLong(7)));
      }
    }
  }

  /**
   * @param connection the unit of work's connection
   * @param note the new note, version 0
   * @throws SQLException when the insert fails
   */
  public void create(Connection connection, Note note) throws SQLException {
    try (PreparedStatement statement = prepareInsert(connection)) {
      bind(statement, note);
      statement.executeUpdate();
    }
  }

  /**
   * Writes {@code note} when its version is still the stored one.
   *
   * @param connection the unit of work's connection
   * @param note the changed note, carrying the version it was read at
   * @return the stored note, version incremented
   * @throws SQLException when the update fails or no row had that id and version
   */
  public Note update(Connection connection, Note note) throws SQLException {
    long next = note.version() + 1;
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      statement.setLong(1, next);
      dialect.setId(statement, 2, note.userId().value());
      statement.setString(3, note.title());
      statement.setBoolean(4, note.pinned());
      dialect.setInstant(statement, 5, note.updatedAt());
      dialect.setId(statement, 6, note.id().value());
      statement.setLong(7, note.version());
      if (statement.executeUpdate() != 1) {
        throw new SQLException("stale version " + note.version() + " of note " + note.id());
      }
    }
    return new Note(note.id(), note.userId(), note.title(), note.pinned(), note.createdAt(),
        note.updatedAt(), next);
  }

  /**
   * @param connection the unit of work's connection
   * @return a statement to {@link #add} notes to, then execute as a batch
   * @throws SQLException when the driver refuses
   */
  public PreparedStatement prepareInsert(Connection connection) throws SQLException {
    return connection.prepareStatement(insert);
  }

  /**
   * @param batch a statement from {@link #prepareInsert}
   * @param note the note to add to the batch
   * @throws SQLException when the driver refuses
   */
  public void add(PreparedStatement batch, Note note) throws SQLException {
    bind(batch, note);
    batch.addBatch();
  }

  /**
   * @param connection any connection
   * @return the ids of every note, in id order
   * @throws SQLException when the statement fails
   */
  public List<NoteId> allIds(Connection connection) throws SQLException {
    List<NoteId> ids = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
            "select id from " + dialect.table("notes") + " order by id");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        ids.add(new NoteId(dialect.getId(row, 1)));
      }
    }
    return ids;
  }

  private void bind(PreparedStatement statement, Note note) throws SQLException {
    dialect.setId(statement, 1, note.id().value());
    dialect.setId(statement, 2, note.userId().value());
    statement.setString(3, note.title());
    statement.setBoolean(4, note.pinned());
    dialect.setInstant(statement, 5, note.createdAt());
    dialect.setInstant(statement, 6, note.updatedAt());
    statement.setLong(7, note.version());
  }
}
