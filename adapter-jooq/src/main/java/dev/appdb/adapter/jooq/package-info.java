/**
 * API. {@link dev.appdb.adapter.jooq.JooqDatabase}: an open database (its unit-of-work port,
 * migrations, registered repositories, probe and pool). Opened through
 * {@link dev.appdb.adapter.jooq.factory.Databases} or a vendor's own factory.
 */
package dev.appdb.adapter.jooq;
