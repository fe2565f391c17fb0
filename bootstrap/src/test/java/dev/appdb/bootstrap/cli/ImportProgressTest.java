package dev.appdb.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ImportReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The import's progress line: the file's total, how far reading came, users and their rate. */
class ImportProgressTest {

  @Test
  void showsTheFractionOfTheFileTheUsersAndTheirRate() throws Exception {
    StringWriter drawn = new StringWriter();
    AtomicLong read = new AtomicLong();
    long size = 8L << 20;
    try (ImportProgress progress = new ImportProgress(size, read::get, new PrintWriter(drawn),
        160)) {
      read.set(size / 4);
      Thread.sleep(50);
      progress.committed(new ImportReport(400, 80, 20, 0));
      String quarter = lastLine(drawn);
      assertThat(quarter).contains("import").contains(" 25%").contains("2/8 MiB")
          .contains("500 users").contains("users/s")
          .containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)"); // elapsed / ETA
      read.set(size - 2); // the last user: only "]}" remain
      progress.committed(new ImportReport(1_600, 320, 80, 0));
      progress.finished();
    }
    assertThat(drawn.toString()).endsWith(System.lineSeparator());
    assertThat(lastLine(drawn)).contains("100%").contains("8/8 MiB").contains("2,000 users");
  }

  private static String lastLine(StringWriter drawn) {
    String all = drawn.toString().strip();
    return all.substring(all.lastIndexOf('\r') + 1);
  }
}
