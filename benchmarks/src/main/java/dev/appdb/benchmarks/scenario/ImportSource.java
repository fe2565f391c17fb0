package dev.appdb.benchmarks.scenario;

import dev.appdb.application.importing.ExternalIdentity;
import dev.appdb.application.importing.ImportedUser;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of new users to import, each with a verified email and one identity, made one at a
 * time like a streamed realm export. Every source names its users uniquely ({@code import-<run>-<i>}), so a run never
 * collides with an earlier one; their emails all start with {@value #EMAIL_PREFIX}.
 */
final class ImportSource implements Iterator<ImportedUser> {

  /** What every imported user's normalized email starts with. */
  static final String EMAIL_PREFIX = "import-";

  private static final String ISSUER = "https://import.bench.example";
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final String run = Integer.toString(RUNS.incrementAndGet());
  private final int size;
  private int made;

  /** @param size how many users this source yields */
  ImportSource(int size) {
    this.size = size;
  }

  @Override
  public boolean hasNext() {
    return made < size;
  }

  @Override
  public ImportedUser next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String key = EMAIL_PREFIX + run + "-" + made;
    made++;
    return new ImportedUser(key, "Imported", "User " + made, key + "@bench.example", true, null,
        List.of(new ExternalIdentity(ISSUER, key)));
  }
}
