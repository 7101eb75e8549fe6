/**
 * The startup migration modes ({@code ash.migrations.mode}): migrating the schema from the resources
 * ({@code generate}), or verifying the resources against the committed changelogs ({@code verify}).
 */
package io.ashspring.autoconfigure.schema;
