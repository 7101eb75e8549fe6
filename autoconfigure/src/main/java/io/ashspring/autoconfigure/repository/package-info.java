/** Auto-configuration of code-interface repositories ({@link io.ashspring.repository.AshRepository}). */
package io.ashspring.autoconfigure.repository;
