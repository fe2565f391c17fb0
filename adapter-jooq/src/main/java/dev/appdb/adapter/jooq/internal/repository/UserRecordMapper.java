package dev.appdb.adapter.jooq.internal.repository;

import dev.appdb.adapter.jooq.kit.KitRecords;
import dev.appdb.adapter.jooq.schema.tables.records.UsersRecord;
import dev.appdb.domain.user.Email;
import dev.appdb.domain.user.User;
import dev.appdb.domain.user.UserId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ObjectFactory;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps {@code users} records to users and back (MapStruct generates the implementation at compile
 * time: plain getter calls, no reflection). The entity's constructor validates, so a row that
 * breaks a domain rule fails loudly instead of leaking into the application.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.IGNORE, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface UserRecordMapper {

  /** The generated, stateless implementation. */
  UserRecordMapper INSTANCE = Mappers.getMapper(UserRecordMapper.class);

  /**
   * @param row a {@code users} row
   * @return the user
   */
  User toUser(UsersRecord row);

  /**
   * @param user a user
   * @return a new {@code users} record holding every column of it
   */
  @Mapping(target = "id", source = "id.value")
  @Mapping(target = "email", source = "email.value")
  @Mapping(target = "emailNormalized",
      expression = "java(user.email() == null ? null : user.email().normalized())")
  UsersRecord toRecord(User user);

  /** @return a new record for {@link #toRecord}, attached as {@link KitRecords} explains */
  @ObjectFactory
  default UsersRecord newRecord() {
    return KitRecords.attached(new UsersRecord());
  }

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
}
