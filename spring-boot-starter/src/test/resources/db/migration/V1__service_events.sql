-- the service's own table, migrated by Spring Boot's Flyway (history: flyway_schema_history)
CREATE TABLE service_events (label VARCHAR(200) NOT NULL);
