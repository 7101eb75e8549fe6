package io.ashspring.autoconfigure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A streaming standby of an {@link EmbeddedPostgresServer}: a second server, started from a base backup of
 * the first, that replays its write-ahead log as it is written (physical streaming replication through a
 * replication slot), read-only, as a read replica would in production.
 *
 * <p>zonky's binaries carry no {@code pg_basebackup}, so the base backup is taken with PostgreSQL's
 * low-level backup API: {@code pg_backup_start()}, a copy of the data directory, {@code pg_backup_stop()},
 * whose label becomes the copy's {@code backup_label}. The copy gets a {@code standby.signal} and a
 * {@code primary_conninfo}; the slot keeps on the primary the WAL the standby still needs.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(null, 0, Map.of());
 *      EmbeddedStandby standby = EmbeddedStandby.start(primary, "replica-1")) {
 *     String url = standby.getJdbcUrl(); // SELECT pg_is_in_recovery() answers true there
 * }
 * }</pre>
 *
 * {@link #close} stops the standby, deletes its data and drops its slot on the primary when that still runs.
 */
public final class EmbeddedStandby implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(EmbeddedStandby.class);

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,40}");

    /** Files of the primary's data directory a standby must not have. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "standby.signal", "recovery.signal");

    /** Directories copied empty: their content is the running server's own. */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private final String name;
    private final EmbeddedPostgresServer primary;
    private final EmbeddedPostgresServer server;
    private final String slot;
    private final Path scratch;

    private EmbeddedStandby(String name, EmbeddedPostgresServer primary, EmbeddedPostgresServer server, String slot,
            Path scratch) {
        this.name = name;
        this.primary = primary;
        this.server = server;
        this.slot = slot;
        this.scratch = scratch;
    }

    /**
     * Takes a base backup of a running server and starts a standby streaming from it; returns once the
     * standby accepts connections.
     * @param primary the running server to replicate
     * @param name the standby's name: lower-case letters, digits, {@code _} and {@code -}; names the
     * replication slot ({@code ash_<name>}) and the standby's {@code application_name} on the primary
     * @return the running standby
     * @throws EmbeddedPostgresStartException when the backup or the start fails, with the reason
     */
    public static EmbeddedStandby start(EmbeddedPostgresServer primary, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Standby name '" + name + "' must be 1 to 40 lower-case letters, digits, "
                    + "'_' or '-' (it names a replication slot)");
        }
        String slot = "ash_" + name.replace('-', '_');
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ash-standby-").toAbsolutePath();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a temporary directory for embedded standby " + name, ex);
        }
        Path data = scratch.resolve("data");
        try {
            baseBackup(primary, slot, data);
            configureStandby(primary, name, slot, data);
        }
        catch (SQLException | IOException | RuntimeException ex) {
            deleteQuietly(scratch);
            dropSlotQuietly(primary, slot);
            throw new EmbeddedPostgresStartException("Could not take a base backup of embedded PostgreSQL "
                    + primary.getJdbcUrl() + " for standby " + name + ": " + ex.getMessage() + ".",
                    "Check that the primary runs with wal_level=replica (the default) and free max_wal_senders and "
                            + "max_replication_slots, or set ash.embedded.replicas=0.", ex);
        }
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(data, 0, Map.of());
        }
        catch (RuntimeException ex) {
            deleteQuietly(scratch);
            dropSlotQuietly(primary, slot);
            throw ex;
        }
        logger.info("Started embedded PostgreSQL standby " + name + " at " + server.getJdbcUrl() + ", streaming from "
                + primary.getJdbcUrl());
        return new EmbeddedStandby(name, primary, server, slot, scratch);
    }

    /**
     * Returns the standby's name.
     * @return the name given to {@link #start}
     */
    public String getName() {
        return this.name;
    }

    /**
     * Returns the JDBC URL of the standby's {@value EmbeddedPostgresServer#DATABASE} database, without
     * credentials (user {@value EmbeddedPostgresServer#USERNAME}, no password).
     * @return the JDBC URL
     */
    public String getJdbcUrl() {
        return this.server.getJdbcUrl();
    }

    /**
     * Returns the port the standby listens on.
     * @return the port
     */
    public int getPort() {
        return this.server.getPort();
    }

    /**
     * Stops the standby, deletes its data, and drops its replication slot on the primary (when the
     * primary still answers). Calling it again does nothing more.
     */
    @Override
    public void close() {
        try {
            this.server.close();
        }
        finally {
            deleteQuietly(this.scratch);
            dropSlotQuietly(this.primary, this.slot);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStandby[" + this.name + ", " + getJdbcUrl() + "]";
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.getJdbcUrl(), EmbeddedPostgresServer.USERNAME, "");
    }

    private static void baseBackup(EmbeddedPostgresServer primary, String slot, Path data) throws SQLException, IOException {
        try (Connection connection = connect(primary)) {
            dropSlot(connection, slot); // left by a standby of an earlier run on a kept data directory
            execute(connection, "SELECT pg_create_physical_replication_slot(?, true)", slot);
            execute(connection, "SELECT pg_backup_start(?, true)", "ash standby " + slot);
            try {
                copy(primary.getDataDirectory(), data);
            }
            catch (IOException | RuntimeException ex) {
                execute(connection, "SELECT pg_backup_stop(false)");
                throw ex;
            }
            try (PreparedStatement stop = connection.prepareStatement("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
                    ResultSet result = stop.executeQuery()) {
                result.next();
                Files.writeString(data.resolve("backup_label"), result.getString(1), StandardCharsets.UTF_8);
                String tablespaces = result.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(data.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static void configureStandby(EmbeddedPostgresServer primary, String name, String slot, Path data)
            throws IOException {
        Files.createFile(data.resolve("standby.signal"));
        String settings = System.lineSeparator() + "# written by Ash's EmbeddedStandby" + System.lineSeparator()
                + "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user="
                + EmbeddedPostgresServer.USERNAME + " application_name=" + name + "'" + System.lineSeparator()
                + "primary_slot_name = '" + slot + "'" + System.lineSeparator()
                + "hot_standby = on" + System.lineSeparator();
        Files.writeString(data.resolve("postgresql.auto.conf"), settings, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Copies a live data directory, skipping what belongs to the running server; files vanishing meanwhile are fine. */
    private static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path copy = target.resolve(source.relativize(directory).toString());
                createPrivateDirectory(copy);
                Path relative = source.relativize(directory);
                if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        createPrivateDirectory(copy.resolve("archive_status"));
                        createPrivateDirectory(copy.resolve("summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (directory.getFileName() != null && directory.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(file);
                if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                catch (NoSuchFileException ex) {
                    // removed by the running server meanwhile: the WAL replay recreates what matters
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw ex;
            }
        });
    }

    /** PostgreSQL refuses a data directory that others may read. */
    private static void createPrivateDirectory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        }
        catch (FileAlreadyExistsException ex) {
            return;
        }
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        catch (UnsupportedOperationException ex) {
            // not a POSIX file system (Windows): PostgreSQL does not check there
        }
    }

    private static void execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    private static void dropSlot(Connection connection, String slot) throws SQLException {
        execute(connection, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? "
                + "AND NOT active", slot);
    }

    private static void dropSlotQuietly(EmbeddedPostgresServer primary, String slot) {
        try (Connection connection = connect(primary)) {
            dropSlot(connection, slot);
        }
        catch (SQLException ex) {
            logger.debug("Could not drop replication slot " + slot + " (the primary may be stopped)", ex);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        }
        catch (IOException ex) {
            logger.debug("Could not delete " + path, ex);
        }
    }

}
