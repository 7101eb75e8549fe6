/**
 * The recorded state: what earlier codegen runs created, kept as one small JSON file per run (the
 * tables and extensions that run changed) and folded in file name order. Two branches that each ran
 * codegen add different files, so merging them never conflicts; folding gives their union.
 */
package io.ashspring.migrate.state;
