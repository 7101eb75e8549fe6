package io.ashspring.migrate.liquibase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.serializer.ChangeLogSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;

/** Writes changesets as text with Liquibase's own serializers. */
public final class ChangelogSerializer {

    private ChangelogSerializer() {
    }

    /** The changelog's changesets as a YAML or XML document. */
    public static String serialize(DatabaseChangeLog changelog, ChangelogFormat format) {
        List<ChangeSet> sets = changelog.getChangeSets();
        ChangeLogSerializer serializer = format == ChangelogFormat.XML ? new XMLChangeLogSerializer() : new AshYamlChangeLogSerializer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            serializer.write(sets, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
    }
}
