package io.ashspring.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two branches that each ran codegen merge without a conflict, and codegen after the merge reports
 * no changes (AshPostgres users' most-voted complaint is exactly this conflict).
 */
class CodegenMergeTests {

    @Resource(table = "users")
    record User(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "invoices")
    record Invoice(@PrimaryKey UUID id, Long cents) {
    }

    @Resource(table = "tickets")
    record Ticket(@PrimaryKey UUID id, String subject) {
    }

    @Resource(table = "users")
    record UserWithEmail(@PrimaryKey UUID id, String name, String email) {
    }

    @Resource(table = "users")
    record UserWithPhone(@PrimaryKey UUID id, String name, String phone) {
    }

    @Resource(table = "users")
    record UserWithBoth(@PrimaryKey UUID id, String name, String email, String phone) {
    }

    @TempDir
    Path root;

    @Test
    void twoBranchesAddingResourcesMergeWithoutConflictAndThenReportNoChanges() throws Exception {
        Branches branches = branchesOfUsers();
        Path main = branches.main();
        Path branchA = branches.pathA();
        Path branchB = branches.pathB();
        CodegenHarness a = branches.a();
        CodegenHarness b = branches.b();
        a.migrate("invoices", User.class, Invoice.class);
        b.migrate("tickets", User.class, Ticket.class);

        Path merged = merge(main, branchA, branchB, root.resolve("merged"));
        CodegenResult after = new MigrationGenerator(new CodegenHarness(merged).options("after_merge"))
                .check(ResourceRegistry.of(User.class, Invoice.class, Ticket.class));
        assertThat(after.report()).isEqualTo("No changes detected");

        // the merged changelogs apply on the database that ran branch A's (B's runs later, out of order), and on an empty one
        copy(merged, branchA);
        a.apply();
        assertThat(a.catalog.tableExists("public", "tickets")).isTrue();
        CodegenHarness fresh = new CodegenHarness(merged);
        fresh.apply();
        assertThat(fresh.catalog.snapshot()).isEqualTo(a.catalog.snapshot());
    }

    @Test
    void twoBranchesAddingDifferentColumnsToOneTableFoldIntoBoth() throws Exception {
        Branches branches = branchesOfUsers();
        Path main = branches.main();
        Path branchA = branches.pathA();
        Path branchB = branches.pathB();
        CodegenHarness a = branches.a();
        CodegenHarness b = branches.b();
        a.migrate("email", UserWithEmail.class);
        b.migrate("phone", UserWithPhone.class);

        Path merged = merge(main, branchA, branchB, root.resolve("merged"));
        CodegenHarness harness = new CodegenHarness(merged);
        CodegenResult after = new MigrationGenerator(harness.options("after_merge")).check(ResourceRegistry.of(UserWithBoth.class));
        assertThat(after.report()).isEqualTo("No changes detected");
        harness.apply();
        // files run in name (time) order: B's phone (00:00:01) before A's email (00:01:00)
        assertThat(harness.catalog.columns("public.users")).containsExactly("id uuid not null default gen_random_uuid()",
                "name text", "phone text", "email text");
    }

    @Test
    void aStateFileBrokenByHandIsReportedWithItsName() throws Exception {
        Path project = root.resolve("p");
        CodegenHarness harness = new CodegenHarness(project);
        harness.migrate("users", User.class);
        Path state = project.resolve("ash-state/20260101000000_users.json");

        Files.writeString(state, Files.readString(state).replace("\"columns\" : [", "\"columns\" : [ <<<<<<< HEAD"));
        MigrationException invalid = catchThrowableOfType(MigrationException.class, () -> harness.generate("next", User.class));
        assertThat(invalid).hasMessageStartingWith("20260101000000_users.json: not valid JSON at line 10")
                .hasMessageEndingWith("restore it from version control (git checkout -- 20260101000000_users.json)");

        Files.writeString(state, "{\"format\": \"ash-migration-state\", \"version\": 7}");
        MigrationException newer = catchThrowableOfType(MigrationException.class, () -> harness.generate("next", User.class));
        assertThat(newer).hasMessage("20260101000000_users.json: state version 7, but this version of Ash reads version 1. "
                + "It was written by a newer Ash: upgrade Ash");

        Files.writeString(state, "{\"tables\": {}}");
        MigrationException foreign = catchThrowableOfType(MigrationException.class, () -> harness.generate("next", User.class));
        assertThat(foreign).hasMessageStartingWith("20260101000000_users.json: not an Ash state file");
    }

    /** A main project that created the users table, and two branches of it, each with its own database at main's schema. */
    private record Branches(Path main, Path pathA, CodegenHarness a, Path pathB, CodegenHarness b) {
    }

    private Branches branchesOfUsers() {
        Path main = root.resolve("main");
        new CodegenHarness(main).migrate("users", User.class);
        Path branchA = copy(main, root.resolve("a"));
        Path branchB = copy(main, root.resolve("b"));
        CodegenHarness a = new CodegenHarness(branchA);
        CodegenHarness b = new CodegenHarness(branchB);
        a.apply();
        b.apply();
        a.generate("skip_clock", User.class); // no changes: only advances A's clock, so the branches' stamps differ
        return new Branches(main, branchA, a, branchB, b);
    }

    /** What git produces when merging two branches that only added files: the union. */
    private static Path merge(Path base, Path a, Path b, Path target) throws IOException {
        copy(a, target);
        try (Stream<Path> files = Files.walk(b)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = b.relativize(file);
                Path existing = target.resolve(relative);
                if (Files.exists(existing)) {
                    // both branches have the file: a conflict unless both kept it as on the base
                    assertThat(Files.readString(existing)).as("a file changed on both branches: " + relative)
                            .isEqualTo(Files.readString(file)).isEqualTo(Files.readString(base.resolve(relative)));
                } else {
                    Files.createDirectories(existing.getParent());
                    Files.copy(file, existing);
                }
            }
        }
        return target;
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
