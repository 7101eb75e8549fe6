/**
 * What an action runs besides its SQL: {@link io.ashspring.action.Change}s and
 * {@link io.ashspring.action.Validation}s declared on a resource's actions, the
 * {@link io.ashspring.action.ActionChangeset} they read and write, and the per-call
 * {@link io.ashspring.action.ActionContext} (the actor). Built-ins come from
 * {@link io.ashspring.action.Changes} and {@link io.ashspring.action.Validations}.
 *
 * <p>This package knows nothing of resources, models, SQL or the runtime: it imports only
 * {@code io.ashspring.error} and {@code io.ashspring.expr}, so that the frozen model
 * ({@code io.ashspring.resource.model}) can hold changes and the runtime can implement the
 * changeset without a package cycle.
 */
package io.ashspring.action;
