package io.ashspring.autoconfigure.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.SchemaDifference;
import io.ashspring.migrate.SchemaMismatchException;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.catalog.CatalogCheck;
import io.ashspring.resource.ResourceRegistry;

/**
 * Refuses to start when the live database differs from the resources ({@code ash.migrations.verify-catalog}, on by
 * default): once every database initializer has run (the {@code generate} mode's migration, Spring Boot's
 * Liquibase run in {@code apply} and {@code verify}), each managed table must exist with the resources' columns,
 * their types and nullability, primary key and unique indexes ({@link CatalogCheck}). Catches resources ahead of
 * the committed changelogs ({@code apply}) and changes made to the database by hand (every mode).
 */
public final class AshCatalogVerifier implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AshCatalogVerifier.class);

    private final DataSource dataSource;
    private final ResourceRegistry registry;
    private final Set<String> extensions;
    private final MigrationMode mode;

    /**
     * @param dataSource the database
     * @param registry the resources
     * @param extensions extensions from configuration ({@code ash.extensions})
     * @param mode the startup mode, for the fix the message suggests
     */
    public AshCatalogVerifier(DataSource dataSource, ResourceRegistry registry, Collection<String> extensions, MigrationMode mode) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.extensions = Set.copyOf(extensions);
        this.mode = mode;
    }

    /**
     * @throws SchemaMismatchException listing each difference on its own line, and how to fix it in this mode
     */
    @Override
    public void afterPropertiesSet() {
        TableModel model = TableModel.from(registry, extensions);
        if (model.tables().isEmpty()) {
            return;
        }
        List<SchemaDifference> differences;
        try (Connection connection = dataSource.getConnection()) {
            differences = CatalogCheck.check(connection, model);
        } catch (SQLException e) {
            throw new MigrationException("Could not read the database's catalog to compare it with the resources: "
                    + e.getMessage() + ". Check the connection, or set " + MigrationMode.VERIFY_CATALOG + "=false", e);
        }
        if (!differences.isEmpty()) {
            throw new SchemaMismatchException(MigrationMode.PROPERTY + "=" + mode.propertyValue()
                    + ": the database differs from the resources", differences, fix());
        }
        log.debug("The database's catalog matches the {} tables of the resources", model.tables().size());
    }

    private String fix() {
        String off = "\n(" + MigrationMode.VERIFY_CATALOG + "=false turns this check off.)";
        return switch (mode) {
            case APPLY -> "The committed changelogs ran, so the resources are ahead of them (or the database was changed by "
                    + "hand): generate the changelog with ./mvnw ash:codegen -Dash.name=<what_changed>, review and commit it "
                    + "with its state file, or set " + MigrationMode.PROPERTY + "=generate while developing." + off;
            case VERIFY -> "The resources match the committed changelogs, so the database was changed outside them (by hand "
                    + "or another tool): undo that change, or make it in the resources and run ./mvnw ash:codegen "
                    + "-Dash.name=<what_changed>." + off;
            default -> "The startup migration ran, so the database was changed outside it (by hand or another tool) in a way "
                    + "it does not repair: undo that change, or drop the table to have it created again." + off;
        };
    }
}
