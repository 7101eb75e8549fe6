package io.ashspring.migrate.codegen;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import io.ashspring.migrate.MigrationException;

/**
 * The name of a run's files, {@code <yyyyMMddHHmmss>_<name>}: UTC time, and always after every run
 * already recorded, so that files (and their states) sort in the order they were made even when a
 * merged branch's clock was ahead. A dev run's name ends in {@code _dev} ({@code <stamp>_dev} when
 * it has no name), which a named run's may not.
 */
final class RunName {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern STAMPED = Pattern.compile("(\\d{14})_.*");

    private RunName() {
    }

    private static final String DEV = "dev";
    private static final String DEV_SUFFIX = "_" + DEV;

    /** The files' name of a named run, or of a dev run (whose name may be {@code null}). */
    static String of(String name, boolean dev, Clock clock, List<String> existingFiles) {
        if (dev) {
            return of(name == null ? DEV : name.equals(DEV) || name.endsWith(DEV_SUFFIX) ? name : name + DEV_SUFFIX, clock,
                    existingFiles);
        }
        if (name != null && (name.equals(DEV) || name.endsWith(DEV_SUFFIX))) {
            throw new MigrationException("The migration name '" + name + "' ends in " + DEV_SUFFIX + ", which marks throw-away "
                    + "dev migrations: name what the change does (e.g. -Dash.name=add_priority), or run a dev migration with "
                    + "-Dash.dev=true");
        }
        return of(name, clock, existingFiles);
    }

    private static String of(String name, Clock clock, List<String> existingFiles) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MigrationException("The migration name '" + name + "' is not usable in a file name: use letters, digits, "
                    + "_ and - (e.g. -Dash.name=add_priority)");
        }
        LocalDateTime time = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        for (String file : existingFiles) {
            var matcher = STAMPED.matcher(file);
            if (matcher.matches()) {
                LocalDateTime existing = LocalDateTime.parse(matcher.group(1), STAMP);
                if (!time.isAfter(existing)) {
                    time = existing.plusSeconds(1);
                }
            }
        }
        return STAMP.format(time) + "_" + name;
    }
}
