/**
 * Code-interface repositories: Spring Data repositories over Ash resources. An interface that
 * extends {@link io.ashspring.repository.AshRepository} gets an implementation at startup whose
 * methods run the resource's service: the base methods ({@code findById}, {@code findAll},
 * {@code create}...), methods derived from their names ({@code findByStatusOrderByInsertedAtDesc})
 * and methods bound to actions. Every method is resolved and checked when the repository is created,
 * so a mistake is a startup error naming the method.
 */
package io.ashspring.repository;
