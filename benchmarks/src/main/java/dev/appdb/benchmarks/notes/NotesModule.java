package dev.appdb.benchmarks.notes;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.migrations.MigrationSet;

/**
 * What the notes "service" adds to appdb's database: its migration set (applied after appdb's,
 * history table {@code notes_schema_history}) and its repository.
 */
public final class NotesModule {

  /** The notes' migrations, one folder per database. */
  public static final MigrationSet MIGRATIONS = MigrationSet.of("notes",
      "classpath:notes/db/postgresql", "classpath:notes/db/sqlite");

  private NotesModule() {}

  /**
   * Registers the notes' repository, so that {@code tx.repository(NoteRepository.class)} works
   * in every unit of work of {@code database}.
   *
   * @param database an open database migrated with {@link #MIGRATIONS}
   * @return {@code database}
   */
  public static JooqDatabase register(JooqDatabase database) {
    database.register(NoteRepository.class, JooqNoteRepository::new);
    return database;
  }
}
