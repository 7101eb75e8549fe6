/**
 * The immutable resource model: what the annotations and {@code configure} hooks declared, read
 * once and frozen. The SQL compiler, the runtime and the migration generator read only this.
 */
package io.ashspring.resource.model;
