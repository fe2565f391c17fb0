package dev.appdb.bootstrap.cli;

import dev.appdb.application.importing.ImportReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The import's progress line on a terminal (me.tongfei:progressbar): how far into the file (MiB
 * of the total, the one total a streamed file has), the elapsed time and the ETA from that
 * fraction, and users committed with their rate. The bar redraws itself once a second; each
 * committed batch moves it.
 */
final class ImportProgress implements AutoCloseable {

  private static final long MIB = 1L << 20;

  private final PrintWriter err;
  private final ProgressBar bar;
  private final LongSupplier bytesRead;
  private final long fileSize;
  private final long startedNanos = System.nanoTime();

  /**
   * @param fileSize the file's size in bytes, 0 or more
   * @param bytesRead how far reading has come, in bytes (-1 when unknown)
   * @param err where the line is drawn, each time over the last ({@code \r})
   * @param width the longest line, in characters; 0 or less for the terminal's width
   */
  ImportProgress(long fileSize, LongSupplier bytesRead, PrintWriter err, int width) {
    this.err = err;
    this.fileSize = fileSize;
    this.bytesRead = bytesRead;
    Consumer<String> line = rendered -> {
      err.print('\r' + rendered);
      err.flush();
    };
    this.bar = new ProgressBarBuilder()
        .setTaskName("import")
        .setInitialMax(Math.max(1, fileSize))
        .setUnit(" MiB", MIB)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .setConsumer(width > 0 ? new DelegatingProgressBarConsumer(line, width)
            : new DelegatingProgressBarConsumer(line))
        .build();
    bar.setExtraMessage(users(0));
  }

  /** @param soFar what has been committed, the counts since the import began */
  void committed(ImportReport soFar) {
    long read = bytesRead.getAsLong();
    if (read >= 0) {
      bar.stepTo(Math.min(read, fileSize));
    }
    bar.setExtraMessage(users(soFar.total()));
    bar.refresh();
  }

  /** Marks the whole file read (its last bytes close the JSON, after the last user). */
  void finished() {
    bar.stepTo(Math.max(1, fileSize));
  }

  /** Draws the line a last time and ends it. */
  @Override
  public void close() {
    bar.close();
    err.println();
    err.flush();
  }

  private String users(long committed) {
    double seconds = Math.max(1e-3, Duration.ofNanos(System.nanoTime() - startedNanos)
        .toNanos() / 1e9);
    return String.format(Locale.ROOT, "%,d users, %,.0f users/s", committed, committed / seconds);
  }
}
