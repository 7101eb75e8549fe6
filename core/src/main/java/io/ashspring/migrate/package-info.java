/**
 * Migrations. {@link io.ashspring.migrate.TableModel} is what the database should look like, derived
 * from the resources (and, read back from JSON, what earlier migrations created);
 * {@link io.ashspring.migrate.MigrationHints} and {@link io.ashspring.migrate.Prompter} are how renames
 * and drops get decided, never guessed.
 *
 * <p>The generator's pipeline, one subpackage per step: {@code diff} (recorded state → operations),
 * {@code operation} (one record per change, with its inverse), {@code order} (facts and a stable
 * topological sort), {@code liquibase} (Liquibase changes, changesets and serializers), {@code state}
 * (state files and how they fold), and {@code codegen} (the entry point of {@code ash:codegen} and the
 * startup modes, and {@code createSchema} for tests). All DDL comes out of this one pipeline.
 */
package io.ashspring.migrate;
