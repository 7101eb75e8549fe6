/**
 * The diff: from the recorded state to the table model, as operations. Renames and drops are never
 * guessed: they come from hints, an interactive answer or an explicit opt-in, or the diff fails
 * listing what to declare.
 */
package io.ashspring.migrate.diff;
