package dev.appdb.bootstrap.cli.output;

/** What {@code appdb pool-status} shows, said with every answer: not a running service's pool. */
final class PoolScope {

  /** The note printed with the pool's status, human and JSON alike. */
  static final String NOTE = "the pool of this CLI process, opened for this command: its"
      + " counters start at zero; a running service's pool shows in its own metrics"
      + " (hikaricp.connections.*, appdb.pool.*) and health";

  private PoolScope() {}
}
