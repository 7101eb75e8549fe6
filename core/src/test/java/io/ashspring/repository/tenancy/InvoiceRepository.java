package io.ashspring.repository.tenancy;

import java.util.List;
import java.util.UUID;

import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.repository.AshRepository;

/** Invoices of the current tenant. */
public interface InvoiceRepository extends AshRepository<Invoice, UUID> {

    List<Invoice> findByNumber(String number);

    long countByTotalGreaterThan(int total);
}
