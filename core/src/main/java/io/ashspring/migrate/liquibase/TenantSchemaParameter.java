package io.ashspring.migrate.liquibase;

import java.util.ArrayList;
import java.util.List;

import io.ashspring.migrate.TableModel;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * The tenant schema in Liquibase changes: the tenant changelogs name it {@value #PARAMETER} (a Liquibase changelog
 * parameter, in {@code schemaName} attributes and in raw SQL); the table model names it
 * {@link TableModel#TENANT_SCHEMA}. This class replaces one by the other, or by a tenant's schema, in every string
 * parameter of every change (and rollback change) of a changeset, through Liquibase's own change metadata.
 */
public final class TenantSchemaParameter {

    /** The Liquibase changelog parameter holding the tenant's schema. */
    public static final String NAME = "tenantSchema";

    /** How the parameter is written in a changelog. */
    public static final String PARAMETER = "${" + NAME + "}";

    private TenantSchemaParameter() {
    }

    /** Writes {@value #PARAMETER} where the model's placeholder schema is, in every changeset (for the changelog files). */
    public static DatabaseChangeLog parameterize(DatabaseChangeLog changelog) {
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            templates(changeSet).forEach(t -> t.fill(PARAMETER));
            if (changeSet.getComments() != null) {
                changeSet.setComments(changeSet.getComments().replace(TableModel.TENANT_SCHEMA, PARAMETER));
            }
        }
        return changelog;
    }

    /**
     * The string parameters of a changeset's changes (and rollback changes) that name the tenant schema (the model's
     * placeholder, or {@value #PARAMETER} left unexpanded, as in a custom statement of an in-memory changelog): each
     * remembers its text, so that it can be filled with one tenant's schema after another.
     */
    public static List<Template> templates(ChangeSet changeSet) {
        ChangeFactory factory = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        if (changeSet.getRollback() != null) {
            changes.addAll(changeSet.getRollback().getChanges());
        }
        List<Template> templates = new ArrayList<>();
        for (Change change : changes) {
            for (ChangeParameterMetaData parameter : factory.getChangeMetaData(change).getParameters().values()) {
                if (parameter.getCurrentValue(change) instanceof String text && (text.contains(TableModel.TENANT_SCHEMA) || text.contains(PARAMETER))) {
                    templates.add(new Template(change, parameter, text));
                }
            }
        }
        return templates;
    }

    /**
     * One string parameter of one change that names the tenant schema.
     *
     * @param change the change
     * @param parameter the parameter
     * @param text its text with the placeholder
     */
    public record Template(Change change, ChangeParameterMetaData parameter, String text) {

        /** Sets the parameter to its text with the tenant schema replaced by {@code schema}. */
        public void fill(String schema) {
            parameter.setValue(change, text.replace(TableModel.TENANT_SCHEMA, schema).replace(PARAMETER, schema));
        }
    }
}
