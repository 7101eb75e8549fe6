/**
 * Declaring resources: the annotations, {@link io.ashspring.resource.ResourceSpec} for the
 * {@code configure} hook, and {@link io.ashspring.resource.ResourceRegistry}, which reads and
 * validates them into the immutable model of {@code io.ashspring.resource.model}; and
 * {@link io.ashspring.resource.AshJacksonModule}, how a {@link io.ashspring.resource.Ref} is written as JSON.
 */
package io.ashspring.resource;
