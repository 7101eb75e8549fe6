/**
 * Codegen: the entry point the Maven plugin ({@code ash:codegen}) and the startup modes call.
 * {@link io.ashspring.migrate.codegen.MigrationGenerator} diffs the resources against the recorded
 * state and writes (or checks, or prints) a Liquibase changelog and its state file.
 */
package io.ashspring.migrate.codegen;
