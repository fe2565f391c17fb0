package dev.appdb.adapter.jooq.kit;

import dev.appdb.adapter.jooq.internal.lookup.InstantText;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Binds {@code timestamptz} columns to {@link Instant} (forced type of the generated classes).
 *
 * <p>PostgreSQL: sent and read as {@link OffsetDateTime} at UTC through pgjdbc's JSR-310 support,
 * microsecond precision. SQLite, which has no date type: sent and read as the fixed-width text
 * of {@link InstantText}, so {@code sqlite3} shows readable values and text order is time order.
 */
public final class InstantBinding implements Binding<OffsetDateTime, Instant> {

  private static final long serialVersionUID = 1L;

  private static final Converter<OffsetDateTime, Instant> CONVERTER = Converter.ofNullable(
      OffsetDateTime.class, Instant.class,
      OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC));

  @Override
  public Converter<OffsetDateTime, Instant> converter() {
    return CONVERTER;
  }

  @Override
  public void sql(BindingSQLContext<Instant> ctx) {
    Instant value = ctx.value();
    if (ctx.render().paramType() == ParamType.INLINED) {
      ctx.render().visit(value == null ? DSL.inline((String) null) : DSL.inline(InstantText.format(value)));
    } else {
      ctx.render().sql(ctx.variable());
    }
    if (isPostgres(ctx.dialect())) {
      ctx.render().sql("::timestamptz");
    }
  }

  @Override
  public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
    ctx.statement().registerOutParameter(ctx.index(),
        isPostgres(ctx.dialect()) ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
  }

  @Override
  public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
    Instant value = ctx.value();
    if (isPostgres(ctx.dialect())) {
      ctx.statement().setObject(ctx.index(), value == null ? null : value.atOffset(ZoneOffset.UTC),
          Types.TIMESTAMP_WITH_TIMEZONE);
    } else if (value == null) {
      ctx.statement().setNull(ctx.index(), Types.VARCHAR);
    } else {
      ctx.statement().setString(ctx.index(), InstantText.format(value));
    }
  }

  @Override
  public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
    if (isPostgres(ctx.dialect())) {
      OffsetDateTime value = ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class);
      ctx.value(value == null ? null : value.toInstant());
    } else {
      ctx.value(InstantText.parse(ctx.resultSet().getString(ctx.index())));
    }
  }

  @Override
  public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
    if (isPostgres(ctx.dialect())) {
      OffsetDateTime value = ctx.statement().getObject(ctx.index(), OffsetDateTime.class);
      ctx.value(value == null ? null : value.toInstant());
    } else {
      ctx.value(InstantText.parse(ctx.statement().getString(ctx.index())));
    }
  }

  @Override
  public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException("timestamps are not written to SQL structured types");
  }

  @Override
  public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException("timestamps are not read from SQL structured types");
  }

  private static boolean isPostgres(SQLDialect dialect) {
    return Objects.requireNonNull(dialect, "dialect").family() == SQLDialect.POSTGRES;
  }
}
