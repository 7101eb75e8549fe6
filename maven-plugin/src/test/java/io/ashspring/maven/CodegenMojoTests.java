package io.ashspring.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ashspring.maven.fixtures.Widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ash:codegen} run as Maven runs it, on a project directory. */
class CodegenMojoTests {

    @TempDir
    Path directory;

    @Test
    void writesTheChangelogsAndCopiesThemToTheOutputDirectorySoAnApplicationStartedNowRunsThem() throws Exception {
        TestProject project = new TestProject(directory).compiled(Widget.class);

        project.codegen("name", "create_widgets").execute();

        List<Path> written = files(project.changelogs);
        assertThat(written).extracting(project::relative).anyMatch(f -> f.endsWith("db/changelog/db.changelog-master.yaml"))
                .anyMatch(f -> f.matches(".*/migrations/\\d{14}_create_widgets\\.yaml"))
                .anyMatch(f -> f.matches(".*/ash-state/\\d{14}_create_widgets\\.json"));
        for (Path file : written) {
            Path copy = project.classes.resolve(project.resources.relativize(file));
            assertThat(copy).as(project.relative(copy)).hasSameTextualContentAs(file);
        }
        assertThat(project.log).anyMatch(line -> line.startsWith("Updated " + project.classes + " (" + written.size() + " copied"));
    }

    @Test
    void copiesUnderTheTargetPathOfTheResourceDirectory() throws Exception {
        TestProject project = new TestProject(directory).compiled(Widget.class);
        project.project.getResources().get(0).setTargetPath("app");

        project.codegen("name", "create_widgets").execute();

        assertThat(project.classes.resolve("app/db/changelog/db.changelog-master.yaml")).exists();
        assertThat(project.classes.resolve("db")).doesNotExist();
    }

    @Test
    void checkFailsListingThePendingChangesWithoutWritingAndPassesOnceTheyAreGenerated() throws Exception {
        TestProject project = new TestProject(directory).compiled(Widget.class);

        assertThatThrownBy(() -> project.codegen("check", true).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The resources differ from the committed changelogs")
                .hasMessageContaining("create table public.widgets")
                .hasMessageContaining("./mvnw ash:codegen -Dash.name=<name>");
        assertThat(project.changelogs).doesNotExist();
        assertThat(project.classes.resolve("db")).doesNotExist();

        project.codegen("name", "create_widgets").execute();
        project.log.clear();
        project.codegen("check", true).execute();
        assertThat(project.log).contains("No changes detected");
    }

    @Test
    void aNamedRunDeletesTheDevMigrationsItReplacesFromTheOutputDirectoryToo() throws Exception {
        TestProject project = new TestProject(directory).compiled(Widget.class);
        project.codegen("dev", true).execute();
        List<Path> devCopies = files(project.classes.resolve("db/changelog")).stream()
                .filter(f -> f.getFileName().toString().contains("_dev.")).toList();
        assertThat(devCopies).hasSize(2); // the changelog and its state

        project.codegen("name", "create_widgets").execute();

        assertThat(devCopies).allSatisfy(copy -> assertThat(copy).doesNotExist());
        assertThat(files(project.classes.resolve("db/changelog"))).extracting(f -> project.classes.relativize(f))
                .containsExactlyInAnyOrderElementsOf(files(project.changelogs).stream()
                        .map(f -> project.resources.relativize(f)).toList());
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedBeforeAnythingIsWritten() {
        TestProject project = new TestProject(directory).compiled(Widget.class);

        assertThatThrownBy(() -> project.codegen("name", "create_widgets", "url", "jdbc:mysql://localhost/app?password=secret")
                .execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dash.url=jdbc:mysql://localhost/app?… is not a PostgreSQL JDBC URL")
                .hasMessageNotContaining("secret");
        assertThat(project.changelogs).doesNotExist();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
