package io.ashspring.resource.model;

import java.util.List;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param check the SQL condition, or {@code null} when it only maps errors of an existing constraint
 * @param fields the attributes its error attaches to
 * @param message the error message
 */
public record CheckConstraintModel(String name, String check, List<String> fields, String message) {

    /** Canonical constructor: copies the list. */
    public CheckConstraintModel {
        fields = List.copyOf(fields);
    }
}
