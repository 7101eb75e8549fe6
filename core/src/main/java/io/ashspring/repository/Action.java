package io.ashspring.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a repository method to one of the resource's actions, as Ash's code interface does:
 *
 * <pre>{@code
 * public interface TicketRepository extends AshRepository<Ticket, UUID> {
 *     @Action("open")         Ticket open(String subject, boolean urgent);          // create
 *     @Action("openTickets")  List<Ticket> openTickets(int min);                     // read
 *     @Action("close")        Ticket close(UUID id, String reason);                  // update, by key
 *     @Action("escalate")     Ticket escalate(Ticket ticket);                        // update, a record read earlier
 *     @Action("archive")      void archive(UUID id);                                 // destroy
 * }
 * }</pre>
 *
 * Each parameter is input to the action by its name ({@code -parameters}, which Spring Boot's build
 * sets, or Spring Data's {@code @Param}): an argument or an accepted attribute. The first parameter of
 * an update or destroy is the record's key or the record itself. A {@code Map<String, ?>} parameter
 * adds loose input; a read takes a {@code Query}, {@code Sort} or {@code Limit} besides. The action,
 * every parameter and the return type are checked when the repository is created, so a mistake stops
 * the application at startup with a message naming the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {

    /** The action's name, as declared in the resource's {@code configure} ({@code spec.update("close")}). */
    String value();
}
