package io.ashspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A helpdesk built only on the Ash for Spring starter: three resources ({@link Ticket},
 * {@link Representative}, {@link Comment}) and a REST API over their services.
 *
 * <p>Run it with {@code ./mvnw -pl sample-app -am spring-boot:run}: with no
 * {@code spring.datasource.url} an embedded PostgreSQL starts and the tables are created from
 * the resources.
 */
@SpringBootApplication
public class HelpdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
