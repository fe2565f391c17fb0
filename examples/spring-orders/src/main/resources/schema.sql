-- the service's audit table, written with JdbcTemplate; created by Boot's spring.sql.init before
-- appdb migrates (appdb's tables and the orders' come from their MigrationSets)
CREATE TABLE IF NOT EXISTS order_audit (
    order_id VARCHAR(36)  NOT NULL,
    note     VARCHAR(200) NOT NULL
);
