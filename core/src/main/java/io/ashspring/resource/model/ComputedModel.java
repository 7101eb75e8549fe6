package io.ashspring.resource.model;

import io.ashspring.resource.KeyGeneration;
import io.ashspring.type.AttributeType;

/** A component whose value is computed rather than stored: an {@link AggregateModel} or a {@link CalculationModel}. */
public sealed interface ComputedModel permits AggregateModel, CalculationModel {

    /** The component's name. */
    String name();

    /** How the SQL value is read and bound ({@code null} for a Java calculation). */
    AttributeType type();

    /** The index of the record component. */
    int component();

    /** Whether untrusted input may reach it. */
    boolean isPublic();

    /**
     * A stand-in attribute with this component's name and type, so that values compared with it
     * are converted and bound as its type (it has no column).
     */
    default AttributeModel asAttribute() {
        return new AttributeModel(name(), null, type(), true, false, KeyGeneration.NONE, false, isPublic(), false,
                null, null, null, null, TimestampKind.NONE, component(), null);
    }
}
