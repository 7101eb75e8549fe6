package io.ashspring.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Input or a stored state was rejected: by an attribute constraint checked before any SQL ran, or
 * by a database constraint (not-null, unique, foreign key, check) mapped back to its fields.
 * Nothing was written. Values are never part of the message, so sensitive input cannot leak.
 */
public class InvalidException extends AshException {

    private final String resource;
    private final List<FieldError> errors;

    /**
     * @param resource the resource's name
     * @param errors at least one field error
     */
    public InvalidException(String resource, List<FieldError> errors) {
        this(resource, errors, null);
    }

    /**
     * @param resource the resource's name
     * @param errors at least one field error
     * @param cause the database error it came from, if any
     */
    public InvalidException(String resource, List<FieldError> errors, Throwable cause) {
        super(describe(resource, errors), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidException needs at least one field error");
        }
        this.resource = resource;
        this.errors = List.copyOf(errors);
    }

    private static String describe(String resource, List<FieldError> errors) {
        return "Invalid " + resource + ": " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }

    /** The field errors, in the order they were found. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The errors of a bulk write by the index of the input they belong to (from 0), in index order;
     * errors without an index (of a single write) are left out.
     */
    public Map<Integer, List<FieldError>> errorsByIndex() {
        Map<Integer, List<FieldError>> byIndex = new TreeMap<>();
        for (FieldError error : errors) {
            if (error.index() != null) {
                byIndex.computeIfAbsent(error.index(), i -> new java.util.ArrayList<>()).add(error);
            }
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byIndex));
    }
}
