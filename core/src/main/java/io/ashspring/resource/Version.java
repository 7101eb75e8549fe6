package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: the attribute (an {@code Integer}, {@code Long} or {@code Short}) counts the
 * record's versions. It is 1 on create and grows by one on every update
 * ({@code SET "version" = "version" + 1}); input cannot set it. An update or destroy of a record
 * read earlier ({@code updateRecord}, {@code destroyRecord}), or by a key whose input carries the
 * version ({@code update(id, Map.of("version", 3, ...))}), only applies to that version
 * ({@code WHERE ... AND "version" = ?}): when another writer got there first, it throws
 * {@code StaleRecordException} and writes nothing. Migrations make it a {@code NOT NULL} column
 * with the default 1.
 *
 * <pre>{@code
 * public record Ticket(@PrimaryKey UUID id, String subject, @Version Integer version) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Version {
}
