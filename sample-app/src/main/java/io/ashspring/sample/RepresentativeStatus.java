package io.ashspring.sample;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a representative still works here; stored as text ({@code active}, {@code inactive}). */
public enum RepresentativeStatus {
    ACTIVE,
    INACTIVE;

    /** The name as stored and shown: {@code active}, {@code inactive}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
