package dev.appdb.application.importing;

/**
 * The counts of an import. Every entry read lands in exactly one count.
 *
 * @param created users created (with their identities)
 * @param linked existing users that got at least one new identity
 * @param unchanged existing users that already had every identity
 * @param rejected entries rejected, each reported to {@link ImportListener#rejected}
 */
public record ImportReport(long created, long linked, long unchanged, long rejected) {

  /** @return the number of entries read */
  public long total() {
    return created + linked + unchanged + rejected;
  }

  ImportReport plus(ImportOutcome outcome) {
    return switch (outcome) {
      case CREATED -> new ImportReport(created + 1, linked, unchanged, rejected);
      case LINKED -> new ImportReport(created, linked + 1, unchanged, rejected);
      case UNCHANGED -> new ImportReport(created, linked, unchanged + 1, rejected);
      case REJECTED -> new ImportReport(created, linked, unchanged, rejected + 1);
    };
  }

  enum ImportOutcome { CREATED, LINKED, UNCHANGED, REJECTED }
}
