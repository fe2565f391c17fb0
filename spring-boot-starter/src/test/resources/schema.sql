-- the service's own table, created by Spring Boot's spring.sql.init before appdb migrates
CREATE TABLE IF NOT EXISTS service_events (label VARCHAR(200) NOT NULL);
