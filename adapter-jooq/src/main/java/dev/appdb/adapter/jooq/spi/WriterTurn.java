package dev.appdb.adapter.jooq.spi;

/**
 * A read-write unit of work's turn to write, from {@link DatabaseDialect#awaitWriterTurn}: held
 * from before the unit takes its connection until it has ended.
 */
@FunctionalInterface
public interface WriterTurn extends AutoCloseable {

  /** Gives the turn to the next writer; called once. */
  @Override
  void close();
}
