/**
 * API. The repository kit: {@link dev.appdb.adapter.jooq.kit.EntityTable} and
 * {@link dev.appdb.adapter.jooq.kit.JooqEntityRepository}, the base of a service's repositories
 * for tables of the entity kit's shape.
 */
package dev.appdb.adapter.jooq.kit;
