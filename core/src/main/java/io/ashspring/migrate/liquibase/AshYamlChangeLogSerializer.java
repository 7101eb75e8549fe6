package io.ashspring.migrate.liquibase;

import java.util.Comparator;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.RollbackContainer;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * Liquibase's YAML serializer with two corrections. It writes a changeset's rollback as
 * {@code rollback: {rollback: {changes: [...]}}}, which Liquibase's own YAML parser rejects
 * ("Unknown change type 'rollback'", liquibase/liquibase#2084): here it is the list of changes that
 * the parser reads. And a changeset reads top-down: id, author, comment, options, changes, then rollback.
 */
final class AshYamlChangeLogSerializer extends YamlChangeLogSerializer {

    private static final List<String> CHANGESET_ORDER = List.of("id", "author", "comment", "runInTransaction",
            "objectQuotingStrategy", "preconditions", "changes", "rollback");

    @Override
    protected Object toMap(LiquibaseSerializable object) {
        if (object instanceof RollbackContainer rollback) {
            return rollback.getChanges().stream().map(this::toMap).toList();
        }
        return super.toMap(object);
    }

    @Override
    protected Comparator<String> getComparator(LiquibaseSerializable object) {
        if (object instanceof ChangeSet) {
            return Comparator.comparingInt((String field) -> {
                int index = CHANGESET_ORDER.indexOf(field);
                return index < 0 ? CHANGESET_ORDER.size() : index;
            }).thenComparing(Comparator.naturalOrder());
        }
        return super.getComparator(object);
    }
}
