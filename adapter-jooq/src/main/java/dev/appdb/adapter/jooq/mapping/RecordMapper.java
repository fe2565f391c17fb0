package dev.appdb.adapter.jooq.mapping;

import dev.appdb.adapter.jooq.schema.tables.records.UserIdentitiesRecord;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.identity.UserIdentity;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps generated jOOQ records to domain entities (MapStruct generates the implementation at
 * compile time: plain getter calls, no reflection). The entities' constructors validate, so a
 * row that breaks a domain rule fails loudly instead of leaking into the application.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.IGNORE, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface RecordMapper {

  /** The generated, stateless implementation. */
  RecordMapper INSTANCE = Mappers.getMapper(RecordMapper.class);

  /**
   * @param row a {@code users} row, never null
   * @return the user
   */
  User toUser(UsersRecord row);

  /**
   * @param user a user, never null
   * @return a new {@code users} record holding every column of it
   */
  @Mapping(target = "id", source = "id.value")
  @Mapping(target = "email", source = "email.value")
  @Mapping(target = "emailNormalized",
      expression = "java(user.email() == null ? null : user.email().normalized())")
  UsersRecord toRecord(User user);

  /**
   * @param row a {@code user_identities} row, never null
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
   * @param email a stored address, or null
   * @return the email, or null
   */
  default Email toEmail(String email) {
    return Email.ofNullable(email);
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
