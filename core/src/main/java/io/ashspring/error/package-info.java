/**
 * Errors as data: {@link io.ashspring.error.InvalidException} with {@link io.ashspring.error.FieldError}s,
 * {@link io.ashspring.error.NotFoundException}. No other package of ours is imported here.
 */
package io.ashspring.error;
