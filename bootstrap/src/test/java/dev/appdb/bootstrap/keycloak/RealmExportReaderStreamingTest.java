package dev.appdb.bootstrap.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appdb.application.importing.ImportRecord;
import dev.appdb.application.importing.ImportedUser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large export is streamed: 200,000 users behind 20,000 clients, with {@code realm} last (so
 * the first pass runs too), are counted while the heap in use stays far below the file's size.
 */
final class RealmExportReaderStreamingTest {

  private static final int USERS = 200_000;
  private static final int CLIENTS = 20_000;
  private static final long HEAP_GROWTH_LIMIT = 8L * 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void twoHundredThousandUsersAreReadOneAtATimeInBoundedMemory() throws IOException {
    Path file = generate(dir.resolve("big-realm.json"));
    long baseline = usedHeapAfterGc();
    long maxGrowth = 0;
    int imported = 0;
    int unreadable = 0;
    String lastKey = null;

    try (RealmExportReader reader = RealmExportReader.open(file, null, false)) {
      assertThat(reader.realm()).isEqualTo("big");
      while (reader.hasNext()) {
        ImportRecord record = reader.next();
        if (record instanceof ImportedUser) {
          imported++;
        } else {
          unreadable++;
        }
        lastKey = record.key();
        if ((imported + unreadable) % 50_000 == 0) {
          maxGrowth = Math.max(maxGrowth, usedHeapAfterGc() - baseline);
        }
      }
    }

    assertThat(imported).isEqualTo(USERS - USERS / 1000);
    assertThat(unreadable).isEqualTo(USERS / 1000);
    assertThat(lastKey).isEqualTo(username(USERS - 1));
    assertThat(Files.size(file)).isGreaterThan(4 * HEAP_GROWTH_LIMIT);
    assertThat(maxGrowth)
        .as("heap growth while streaming a %d MB file", Files.size(file) >> 20)
        .isLessThan(HEAP_GROWTH_LIMIT);
  }

  private static String username(int i) {
    return "user" + zeroPadded(i, 6);
  }

  private static String zeroPadded(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static Path generate(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"id\": \"big\", \"enabled\": true, \"clients\": [\n");
      for (int i = 0; i < CLIENTS; i++) {
        out.write((i == 0 ? "" : ",\n") + "{\"clientId\": \"client-" + i
            + "\", \"redirectUris\": [\"https://app" + i + ".example.org/*\"]}");
      }
      out.write("],\n\"users\": [\n");
      for (int i = 0; i < USERS; i++) {
        String name = username(i);
        out.write(i == 0 ? "" : ",\n");
        if (i % 1000 == 999) {
          out.write("{\"username\": \"" + name + "\", \"serviceAccountClientId\": \"c" + i + "\"}");
          continue;
        }
        out.write("{\"id\": \"00000000-0000-4000-8000-" + zeroPadded(i, 12) + "\", \"username\": \""
            + name + "\", \"email\": \"" + name + "@example.org\", \"createdTimestamp\": "
            + (1_700_000_000_000L + i) + ", \"credentials\": [{\"type\": \"password\"}],"
            + " \"federatedIdentities\": [{\"identityProvider\": \"google\", \"userId\": \""
            + (100_000_000 + i) + "\"}]}");
      }
      out.write("\n],\n\"realm\": \"big\"}\n");
    }
    return file;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
