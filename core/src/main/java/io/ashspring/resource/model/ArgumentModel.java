package io.ashspring.resource.model;

import io.ashspring.type.AttributeType;

/**
 * One argument of an action: input besides attributes, converted by its type.
 *
 * @param name the argument's name (never an attribute's)
 * @param type how input is converted
 * @param allowNil whether the input may leave it out (or give null) when it has no default
 * @param defaultValue the value when the input leaves it out, converted, or {@code null}
 */
public record ArgumentModel(String name, AttributeType type, boolean allowNil, Object defaultValue) {
}
