package io.ashspring.resource.model;

import java.util.function.Supplier;

import io.ashspring.resource.KeyGeneration;
import io.ashspring.type.AttributeConstraints;
import io.ashspring.type.AttributeType;

/**
 * One attribute of a resource: a column of its table.
 *
 * @param name the attribute name (the record component's name, or {@code <relationship>Id} for a belongs_to key)
 * @param column the column name
 * @param type how values are stored, bound and read
 * @param allowNil whether null is allowed
 * @param primaryKey whether it is (part of) the primary key
 * @param keyGeneration how a missing key is generated ({@link KeyGeneration#NONE} for non-keys; never {@code AUTO})
 * @param writable whether create/update input may set it
 * @param isPublic whether untrusted input (HTTP filters and sorts) may reach it
 * @param sensitive whether its value is redacted from logs and errors
 * @param defaultValue the literal default applied on create, or {@code null}
 * @param defaultSupplier a Java-side default (from {@code configure}), or {@code null}
 * @param sqlDefault the column default in SQL, verbatim, or {@code null}
 * @param constraints checked in Java before SQL runs
 * @param timestamp whether it is a create or update timestamp
 * @param component the index of the record component that holds the value
 * @param foreignKeyOf the belongs_to relationship whose {@code Ref} holds the value, or {@code null}
 */
public record AttributeModel(String name, String column, AttributeType type, boolean allowNil, boolean primaryKey,
                             KeyGeneration keyGeneration, boolean writable, boolean isPublic, boolean sensitive,
                             Object defaultValue, Supplier<?> defaultSupplier, String sqlDefault,
                             AttributeConstraints constraints, TimestampKind timestamp, int component,
                             String foreignKeyOf) {

    /** Whether PostgreSQL produces the value when create leaves it out (identity, SQL default, timestamp). */
    public boolean generatedByDatabase() {
        return keyGeneration == KeyGeneration.IDENTITY || keyGeneration == KeyGeneration.RANDOM_UUID
                || sqlDefault != null || timestamp != TimestampKind.NONE;
    }

    /** Whether the value lives inside a {@code Ref} of a belongs_to component. */
    public boolean isForeignKey() {
        return foreignKeyOf != null;
    }

    /**
     * A hash of the name, column and component only (consistent with {@code equals}, which compares
     * them too): attributes key the maps of every write, and the record's own hash walks the type,
     * the constraints and their patterns on every lookup (most of a 10,000-row bulk insert's time in Java).
     */
    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + column.hashCode()) * 31 + component;
    }

    /** Renders a value for logs and messages, redacted when sensitive. */
    public String describe(Object value) {
        return sensitive ? io.ashspring.resource.Redacted.MASK : String.valueOf(value);
    }
}
