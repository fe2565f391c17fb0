package dev.appdb.adapter.jooq.internal.repository;

import dev.appdb.adapter.jooq.schema.tables.records.UserIdentitiesRecord;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.UserId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps {@code user_identities} records to identity links (MapStruct generates the
 * implementation at compile time). The value objects' constructors validate the stored values.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.IGNORE, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface IdentityRecordMapper {

  /** The generated, stateless implementation. */
  IdentityRecordMapper INSTANCE = Mappers.getMapper(IdentityRecordMapper.class);

  /**
   * @param row a {@code user_identities} row
   * @return the identity link
   */
  @Mapping(target = "userId", source = "userId")
  UserIdentity toUserIdentity(UserIdentitiesRecord row);

  /**
   * @param id a stored id
   * @return the typed id
   */
  default UserId toUserId(UUID id) {
    return new UserId(id);
  }

  /**
   * @param issuer a stored issuer
   * @return the issuer
   */
  default Issuer toIssuer(String issuer) {
    return new Issuer(issuer);
  }

  /**
   * @param subject a stored subject
   * @return the subject
   */
  default Subject toSubject(String subject) {
    return new Subject(subject);
  }
}
