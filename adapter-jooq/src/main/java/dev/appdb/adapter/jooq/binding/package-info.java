/**
 * API for generated code: {@link dev.appdb.adapter.jooq.binding.InstantBinding} is the forced
 * type of {@code timestamptz} columns in every generated class, appdb's and a service's.
 * {@link dev.appdb.adapter.jooq.binding.InstantText} is internal to appdb's adapters.
 */
package dev.appdb.adapter.jooq.binding;
