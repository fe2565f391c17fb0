package dev.appdb.application.importing;

/**
 * An entry the reader rejects before any domain rule runs.
 *
 * @param key how the source names the entry
 * @param reason why it is rejected, naming the field
 */
public record UnreadableUser(String key, String reason) implements ImportRecord {}
