/**
 * The entity kit: the base every table of appdb and of a service shares — a typed time-ordered
 * id ({@link dev.appdb.domain.entity.EntityId}), creation and change times in microseconds and an
 * optimistic-locking version ({@link dev.appdb.domain.entity.Entity}), the checks that name the
 * field and the limit ({@link dev.appdb.domain.entity.EntityRules}), and keyset paging
 * ({@link dev.appdb.domain.entity.Cursor}, {@link dev.appdb.domain.entity.Page}).
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.domain.entity;
