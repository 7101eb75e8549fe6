/**
 * Migration operations: one small record per kind of change, each with its exact inverse, visited by
 * the catalogues that order, render and apply them.
 */
package io.ashspring.migrate.operation;
