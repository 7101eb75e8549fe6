package io.ashspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.CreateTable;
import io.ashspring.resource.ResourceRegistry;

/**
 * {@code ash:codegen} over 1,000 resources of 10 attributes each ({@link GeneratedResources}), in a
 * warm JVM. The targets (issue 3) are under 2 seconds for a first run and under 0.5 seconds for a run
 * that finds no changes.
 *
 * <ul>
 *   <li>{@link #firstRun()}: {@link MigrationGenerator#generate(ResourceRegistry)} into an empty project
 *       directory: table model from the registry, diff against the empty recorded state, ordering,
 *       the YAML changelog and the state file rendered and written.</li>
 *   <li>{@link #noChangeRun()}: the same {@code generate} where the first run's state is already
 *       written: the state folded, the table model derived, the diff empty; nothing is written.</li>
 *   <li>{@link #noChangeCheck()}: the CI check ({@code -Dash.check=true}) over the same directory.</li>
 *   <li>{@link #buildRegistry()}: reading and linking the 1,000 record classes, which the plugin does
 *       once before {@code generate}; not part of the targets, reported so that the sum is known.</li>
 * </ul>
 *
 * Compiling the records, and a verified first run whose output the no-change runs read, happen once
 * per fork at setup; a fresh project directory is made before each iteration. Every measured call
 * checks its outcome, so that a changed mode or a regression cannot time the wrong work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(2)
public class CodegenBenchmark {

    static final int RESOURCES = 1_000;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Path workDirectory;
    private GeneratedResources resources;
    private ResourceRegistry registry;
    private MigrationGenerator recorded;
    private MigrationGenerator fresh;
    private Path freshDirectory;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        workDirectory = Files.createTempDirectory("ash-codegen-benchmark");
        resources = GeneratedResources.compile(RESOURCES, workDirectory);
        registry = ResourceRegistry.of(resources.types());
        verifyTableModel(TableModel.from(registry));
        recorded = generator(workDirectory.resolve("recorded"));
        CodegenResult first = recorded.generate(registry);
        verifyFirstRun(first);
        expect(recorded.generate(registry), CodegenResult.Outcome.NO_CHANGES);
        expect(recorded.check(registry), CodegenResult.Outcome.NO_CHANGES);
    }

    @Setup(Level.Iteration)
    public void newProject() throws IOException {
        freshDirectory = Files.createTempDirectory(workDirectory, "first-run");
        fresh = generator(freshDirectory);
    }

    @TearDown(Level.Iteration)
    public void removeProject() {
        delete(freshDirectory);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        resources.close();
        delete(workDirectory);
    }

    @Benchmark
    public CodegenResult firstRun() {
        return expect(fresh.generate(registry), CodegenResult.Outcome.WRITTEN);
    }

    @Benchmark
    public CodegenResult noChangeRun() {
        return expect(recorded.generate(registry), CodegenResult.Outcome.NO_CHANGES);
    }

    @Benchmark
    public CodegenResult noChangeCheck() {
        return expect(recorded.check(registry), CodegenResult.Outcome.NO_CHANGES);
    }

    @Benchmark
    public ResourceRegistry buildRegistry() {
        ResourceRegistry built = ResourceRegistry.of(resources.types());
        if (built.resources().size() != RESOURCES) {
            throw new IllegalStateException("read " + built.resources().size() + " resources, expected " + RESOURCES);
        }
        return built;
    }

    private static MigrationGenerator generator(Path directory) {
        return new MigrationGenerator(CodegenOptions.defaults().withChangelogDirectory(directory).withName("benchmark")
                .withClock(CLOCK));
    }

    private static CodegenResult expect(CodegenResult result, CodegenResult.Outcome outcome) {
        if (result.outcome() != outcome) {
            throw new IllegalStateException("expected " + outcome + ", got " + result.outcome() + ": " + result.report());
        }
        return result;
    }

    private static void verifyTableModel(TableModel model) {
        if (model.tables().size() != RESOURCES) {
            throw new IllegalStateException("the table model has " + model.tables().size() + " tables, expected " + RESOURCES);
        }
        for (Table table : model.tables()) {
            if (table.columns().size() != GeneratedResources.COLUMNS) {
                throw new IllegalStateException(table.qualifiedName() + " has " + table.columns().size() + " columns, expected "
                        + GeneratedResources.COLUMNS);
            }
        }
    }

    private static void verifyFirstRun(CodegenResult first) throws IOException {
        expect(first, CodegenResult.Outcome.WRITTEN);
        long creates = first.operations().stream().filter(CreateTable.class::isInstance).count();
        String yaml = Files.readString(first.changelogFile());
        long changesets = yaml.lines().filter(l -> l.strip().startsWith("- createTable:")).count();
        if (creates != RESOURCES || changesets != RESOURCES) {
            throw new IllegalStateException("the first run has " + creates + " createTable operations and " + changesets
                    + " createTable changes in " + first.changelogFile() + ", expected " + RESOURCES + " of each");
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
