package dev.appdb.adapter.jooq.kit;

import java.util.Objects;
import org.jooq.Configuration;
import org.jooq.Record;
import org.jooq.impl.DefaultConfiguration;

/**
 * New records for the entity-to-record side of a repository's mapper. jOOQ reads a detached
 * record's settings every time its primary key is set, from a new {@code DefaultConfiguration}
 * holding a fresh copy of the default {@code Settings}: on the kit's hot path that copy was the
 * largest allocation of a single-row statement ({@code docs/PERFORMANCE.md}). A record
 * attached to the shared connection-less configuration here does not pay it. From a MapStruct
 * mapper:
 *
 * <pre>{@code
 * @ObjectFactory
 * default OrdersRecord newRecord() {
 *   return KitRecords.attached(new OrdersRecord());
 * }
 * }</pre>
 */
public final class KitRecords {

  /** Default dialect and settings, no connection: records on it can be read and set only. */
  private static final Configuration DETACHED = new DefaultConfiguration();

  private KitRecords() {}

  /**
   * @param record a new record
   * @param <R> its type
   * @return {@code record}, attached to a shared configuration without a connection (calling
   *     {@code store()} on it fails; the kit never does)
   */
  public static <R extends Record> R attached(R record) {
    Objects.requireNonNull(record, "record").attach(DETACHED);
    return record;
  }
}
