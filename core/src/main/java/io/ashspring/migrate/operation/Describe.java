package io.ashspring.migrate.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;

/** Words for columns and column changes in operation descriptions. */
final class Describe {

    private Describe() {
    }

    static String column(Column column) {
        StringBuilder text = new StringBuilder(column.type());
        if (column.generation() != ColumnGeneration.NONE) {
            text.append(' ').append(column.generation().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!column.nullable()) {
            text.append(" not null");
        }
        if (column.defaultSql() != null) {
            text.append(" default ").append(column.defaultSql());
        }
        return text.toString();
    }

    static String columnChange(Column from, Column to) {
        List<String> changes = new ArrayList<>();
        if (!from.type().equals(to.type())) {
            changes.add("type " + from.type() + " -> " + to.type());
        }
        if (from.nullable() != to.nullable()) {
            changes.add(to.nullable() ? "null allowed" : "not null");
        }
        if (!Objects.equals(from.defaultSql(), to.defaultSql())) {
            changes.add("default " + orNone(from.defaultSql()) + " -> " + orNone(to.defaultSql()));
        }
        if (from.generation() != to.generation()) {
            changes.add("generation " + from.generation() + " -> " + to.generation());
        }
        return changes.isEmpty() ? "unchanged" : String.join(", ", changes);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
