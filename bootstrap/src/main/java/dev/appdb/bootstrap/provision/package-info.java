/**
 * API. Provisioning a PostgreSQL server: roles, databases and grants from a plan.
 */
package dev.appdb.bootstrap.provision;
