package io.ashspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A helpdesk built only on the Ash for Spring starter: tickets ({@link Ticket}) filed under
 * support plans ({@link SupportPlan}), assigned to representatives ({@link Representative}), with
 * comments ({@link Comment}); knowledge-base posts ({@link Post}); reactions to posts and comments
 * (the polymorphic {@link Reaction}); and a read-only view of each representative's open tickets
 * ({@link OpenTicketCount}). A REST API runs over their services.
 *
 * <p>Run it with {@code ./mvnw -pl sample-app -am spring-boot:run}: with no
 * {@code spring.datasource.url} an embedded PostgreSQL starts, and the committed changelogs in
 * {@code db/changelog} create the tables.
 */
@SpringBootApplication
public class HelpdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
