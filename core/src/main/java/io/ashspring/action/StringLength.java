package io.ashspring.action;

import java.util.ArrayList;
import java.util.List;

import io.ashspring.error.FieldError;

/**
 * Text whose length in characters (code points) is within bounds, from
 * {@link Validations#stringLength}; a field without a value passes. Codes {@code min_length} and
 * {@code max_length}, as the attribute constraints use.
 *
 * @param field the argument or attribute checked
 * @param min the smallest length, or -1
 * @param max the largest length, or -1
 * @param <T> the resource's record type
 */
public record StringLength<T>(String field, int min, int max) implements Validation<T> {

    /** At least {@code length} characters. */
    public StringLength<T> min(int length) {
        return new StringLength<>(field, length, max);
    }

    /** At most {@code length} characters. */
    public StringLength<T> max(int length) {
        return new StringLength<>(field, min, length);
    }

    /** Exactly {@code length} characters. */
    public StringLength<T> exactly(int length) {
        return new StringLength<>(field, length, length);
    }

    @Override
    public List<FieldError> validate(ActionChangeset<T> changeset, ActionContext context) {
        Object value = changeset.value(field);
        if (value == null) {
            return List.of();
        }
        String text = value.toString();
        int length = text.codePointCount(0, text.length());
        List<FieldError> errors = new ArrayList<>(1);
        if (min >= 0 && length < min) {
            errors.add(new FieldError(field, "must be at least " + min + " characters long", "min_length"));
        }
        if (max >= 0 && length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters long", "max_length"));
        }
        return errors;
    }
}
