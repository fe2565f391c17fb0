package dev.appdb.benchmarks.notes;

import static dev.appdb.benchmarks.notes.schema.Tables.NOTES;

import dev.appdb.adapter.jooq.kit.EntityTable;
import dev.appdb.adapter.jooq.kit.JooqEntityRepository;
import dev.appdb.adapter.jooq.kit.KitRecords;
import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.benchmarks.notes.schema.tables.records.NotesRecord;
import dev.appdb.domain.user.UserId;

/**
 * The notes' repository on appdb's kit and nothing else: create, find by id and optimistic
 * update all come from {@link JooqEntityRepository}, as they would in a service.
 */
final class JooqNoteRepository extends JooqEntityRepository<NotesRecord, Note, NoteId>
    implements NoteRepository {

  private static final EntityTable<NotesRecord, Note, NoteId> NOTES_TABLE = EntityTable.of(
      "note", NOTES, JooqNoteRepository::toNote, JooqNoteRepository::toRecord);

  JooqNoteRepository(TransactionContext tx) {
    super(tx, NOTES_TABLE);
  }

  private static Note toNote(NotesRecord row) {
    return new Note(new NoteId(row.getId()), new UserId(row.getUserId()), row.getTitle(),
        row.getPinned(), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
  }

  private static NotesRecord toRecord(Note note) {
    NotesRecord row = KitRecords.attached(new NotesRecord());
    row.setId(note.id().value());
    row.setUserId(note.userId().value());
    row.setTitle(note.title());
    row.setPinned(note.pinned());
    row.setCreatedAt(note.createdAt());
    row.setUpdatedAt(note.updatedAt());
    row.setVersion(note.version());
    return row;
  }
}
