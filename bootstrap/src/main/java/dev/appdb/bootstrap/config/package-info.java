/**
 * Reading the settings: the YAML file, the environment and the command line, through the
 * registry {@code dev.appdb.adapter.jooq.Setting}, into {@link dev.appdb.bootstrap.config.AppdbSettings};
 * secrets from files.
 *
 * <p>Nulls: no parameter, component or return value is null unless its Javadoc says so.
 */
package dev.appdb.bootstrap.config;
