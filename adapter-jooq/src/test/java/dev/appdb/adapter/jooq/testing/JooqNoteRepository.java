package dev.appdb.adapter.jooq.testing;

import dev.appdb.adapter.jooq.kit.TransactionContext;
import dev.appdb.application.contract.service.Note;
import dev.appdb.application.contract.service.NoteRepository;
import dev.appdb.domain.user.UserId;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A service's repository as a service would write it on jOOQ, for the contract suites: every
 * statement through the unit's {@link TransactionContext}, writes through
 * {@link TransactionContext#dslForWrite()}. Table {@code notes} ({@link #CREATE_POSTGRES},
 * {@link #CREATE_SQLITE}) is the service's own, with a foreign key to appdb's users that keeps
 * a user with notes from being deleted. The table is plain SQL, not generated: where SQLite names
 * no constraint, errors name the table instead.
 */
public final class JooqNoteRepository implements NoteRepository {

  /** The service's table on PostgreSQL, in appdb's schema. */
  public static final String CREATE_POSTGRES = "CREATE TABLE app.notes (id uuid NOT NULL,"
      + " user_id uuid NOT NULL, body varchar(200) NOT NULL,"
      + " CONSTRAINT notes_pkey PRIMARY KEY (id),"
      + " CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users (id))";

  /** The service's table on SQLite. */
  public static final String CREATE_SQLITE = "CREATE TABLE notes (id TEXT NOT NULL,"
      + " user_id TEXT NOT NULL, body TEXT NOT NULL,"
      + " CONSTRAINT notes_pkey PRIMARY KEY (id),"
      + " CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)) STRICT";

  private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
  private static final Field<UUID> USER_ID = DSL.field(DSL.name("user_id"), SQLDataType.UUID);
  private static final Field<String> BODY = DSL.field(DSL.name("body"), SQLDataType.VARCHAR);

  private final TransactionContext tx;
  private final Table<?> notes;

  /** @param tx the unit of work, never null */
  public JooqNoteRepository(TransactionContext tx) {
    this.tx = tx;
    this.notes = DSL.table(tx.dialect().sqlDialect() == SQLDialect.POSTGRES
        ? DSL.name("app", "notes") : DSL.name("notes"));
  }

  @Override
  public Note create(Note note) {
    tx.dslForWrite().insertInto(notes, ID, USER_ID, BODY)
        .values(note.id(), note.userId().value(), note.body()).execute();
    return note;
  }

  @Override
  public List<Note> listForUser(UserId userId) {
    return tx.dsl().select(ID, USER_ID, BODY).from(notes).where(USER_ID.eq(userId.value()))
        .fetch(row -> new Note(row.value1(), new UserId(row.value2()), row.value3()));
  }

  @Override
  public int rewriteAllPastTheWriteCheck(String body) {
    return tx.dsl().update(notes).set(BODY, body).execute();
  }

  @Override
  public long count() {
    return tx.dsl().fetchCount(notes);
  }
}
