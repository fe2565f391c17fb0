package dev.appdb.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

  @Test
  void isVersion7WithTheIetfVariantAndTheCurrentTime() {
    long before = System.currentTimeMillis();
    UUID id = TimeOrderedUuid.next();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1);
  }

  @Test
  void idsMadeLaterSortLaterAsCanonicalText() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(TimeOrderedUuid.next().toString());
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }
}
