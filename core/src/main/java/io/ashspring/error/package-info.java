/**
 * Errors as data: {@link io.ashspring.error.InvalidException} with {@link io.ashspring.error.FieldError}s,
 * {@link io.ashspring.error.NotFoundException}, {@link io.ashspring.error.StaleRecordException}, and the
 * errors of queries:
 * {@link io.ashspring.error.InvalidQueryException}, {@link io.ashspring.error.ExpressionSyntaxException},
 * {@link io.ashspring.error.UnavailableException}, {@link io.ashspring.error.MissingExtensionException}.
 * No other package of ours is imported here.
 */
package io.ashspring.error;
