package dev.appdb.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with appdb on its class path and no glue code at all. */
@SpringBootApplication
public class AppdbTestApplication {}
