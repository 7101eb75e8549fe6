package io.ashspring.autoconfigure.schema;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import io.ashspring.migrate.LiquibaseMigrator;
import io.ashspring.migrate.StartupChangelog;
import io.ashspring.migrate.TableModel;
import io.ashspring.resource.ResourceRegistry;

/**
 * Creates the tables of the resources at startup, through Liquibase, from a changelog built in
 * memory from the model. Objects that exist already are left alone, so it runs at every start.
 */
public final class AshSchemaInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AshSchemaInitializer.class);

    private final DataSource dataSource;
    private final ResourceRegistry registry;

    /**
     * @param dataSource where the tables go
     * @param registry the resources
     */
    public AshSchemaInitializer(DataSource dataSource, ResourceRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @Override
    public void afterPropertiesSet() {
        TableModel model = TableModel.from(registry);
        if (model.tables().isEmpty()) {
            return;
        }
        LiquibaseMigrator.apply(dataSource, StartupChangelog.of(model));
        log.debug("Schema of {} resources is in place", registry.resources().size());
    }
}
