package io.ashspring.migrate;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh project directory and a {@link CodegenHarness} on a fresh database for each test. */
abstract class CodegenTestBase {

    @TempDir
    Path directory;
    CodegenHarness harness;

    @BeforeEach
    void harness() {
        harness = new CodegenHarness(directory);
    }
}
