package dev.appdb.application.importing;

/** Receives an import's progress while it runs. Called on the importing thread. */
public interface ImportListener {

  /** A listener that ignores everything. */
  ImportListener NONE = new ImportListener() {};

  /**
   * An entry was rejected; the rest of the import goes on.
   *
   * @param key how the source names the entry
   * @param reason why, naming the field and the rule
   */
  default void rejected(String key, String reason) {}

  /**
   * A batch was committed.
   *
   * @param report the counts so far
   */
  default void committed(ImportReport report) {}
}
