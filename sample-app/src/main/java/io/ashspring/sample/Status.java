package io.ashspring.sample;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The state of a ticket; stored as text ({@code open}, {@code closed}), and written so in JSON. */
public enum Status {
    OPEN,
    CLOSED;

    /** The name as stored and shown: {@code open}, {@code closed}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
