package dev.appdb.application.importing;

/**
 * One entry of an import source: either a user that could be read, or an entry the reader
 * already knows it must reject (for example a service account or a malformed field).
 */
public sealed interface ImportRecord permits ImportedUser, UnreadableUser {

  /** @return how the source names the entry (e.g. the username), for reports */
  String key();
}
