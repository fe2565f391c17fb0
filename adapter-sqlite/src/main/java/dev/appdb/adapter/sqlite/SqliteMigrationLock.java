package dev.appdb.adapter.sqlite;

import dev.appdb.adapter.jooq.JooqDatabase;
import dev.appdb.domain.error.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Lets one process at a time migrate a SQLite file: an exclusive lock on a file beside it,
 * {@code <database>.migration-lock}, which every appdb process takes before Flyway starts and
 * waits for (up to the busy timeout) when another holds it. Flyway's own lock is a row in its
 * history table, which SQLite cannot take while another process writes: without this, processes
 * starting together on a fresh file failed with {@code SQLITE_BUSY_SNAPSHOT}. A separate file,
 * because SQLite's own locks are POSIX locks on the database file, which any other lock or close
 * of that file in the process would release. The lock file stays (removing it would race).
 */
final class SqliteMigrationLock implements JooqDatabase.MigrationLock {

  private static final long POLL_MILLIS = 25;

  private final Path database;
  private final Path lockFile;
  private final Duration wait;

  /**
   * @param database the database file
   * @param wait how long to wait for another process's migration, the busy timeout
   */
  SqliteMigrationLock(Path database, Duration wait) {
    this.database = database;
    this.lockFile = database.resolveSibling(database.getFileName() + ".migration-lock");
    this.wait = wait;
  }

  @Override
  public AutoCloseable acquire() {
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new DatabaseUnavailableException("cannot migrate " + database
          + ": cannot open its migration lock file " + lockFile + " (" + e.getMessage() + ")", e,
          false); // the folder's permissions: lasts until someone changes them
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return () -> {
            try (channel) {
              lock.release();
            }
          };
        }
        if (System.nanoTime() - deadline > 0) {
          throw new DatabaseUnavailableException("cannot migrate " + database
              + ": another process has been migrating it for more than " + wait.toSeconds()
              + " s (it holds " + lockFile + ")", null);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new DatabaseUnavailableException(
          "interrupted while waiting to migrate " + database, e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof DatabaseUnavailableException unavailable) {
        throw unavailable;
      }
      throw new DatabaseUnavailableException("cannot migrate " + database
          + ": cannot lock " + lockFile + " (" + e.getMessage() + ")", e);
    }
  }

  /** @return the lock, or null while another process (or thread of this one) holds it */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisProcess) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was locked
    }
  }
}
