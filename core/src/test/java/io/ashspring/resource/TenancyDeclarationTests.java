package io.ashspring.resource;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenancyModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link Multitenancy} read into {@link TenancyModel}, and its mistakes reported. No database needed. */
class TenancyDeclarationTests {

    @Resource(table = "notes")
    @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)
    record Note(@PrimaryKey UUID id, String body) {
    }

    @Resource(table = "invoices")
    @Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE, attribute = "organizationId", global = true)
    record Invoice(@PrimaryKey UUID id, String organizationId) {
    }

    @Resource(table = "plain")
    record Plain(@PrimaryKey UUID id) {
    }

    @Resource(table = "no_attribute")
    @Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE)
    record NoAttribute(@PrimaryKey UUID id) {
    }

    @Resource(table = "unknown_attribute")
    @Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE, attribute = "orgId")
    record UnknownAttribute(@PrimaryKey UUID id, String organizationId) {
    }

    @Resource(table = "context_with_attribute")
    @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT, attribute = "organizationId")
    record ContextWithAttribute(@PrimaryKey UUID id, String organizationId) {
    }

    @Test
    void strategiesAreReadIntoTheModel() {
        ResourceRegistry registry = ResourceRegistry.of(Note.class, Invoice.class, Plain.class);

        ResourceModel note = registry.resource(Note.class);
        assertThat(note.tenancy()).isEqualTo(new TenancyModel(Multitenancy.Strategy.CONTEXT, null, false));
        assertThat(note.tenancy().bySchema()).isTrue();

        ResourceModel invoice = registry.resource(Invoice.class);
        assertThat(invoice.tenancy()).isEqualTo(new TenancyModel(Multitenancy.Strategy.ATTRIBUTE, "organizationId", true));
        assertThat(invoice.tenancy().byAttribute()).isTrue();

        assertThat(registry.resource(Plain.class).tenancy()).isSameAs(TenancyModel.NONE);
        assertThat(TenancyModel.NONE.multitenant()).isFalse();
    }

    @Test
    void mistakesNameTheResourceAndTheFix() {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(
                NoAttribute.class, UnknownAttribute.class, ContextWithAttribute.class));

        assertThat(thrown.getMessage())
                .contains("NoAttribute: uses the ATTRIBUTE tenancy strategy without naming the attribute")
                .contains("UnknownAttribute.orgId: is named as the tenant attribute but is not an attribute")
                .contains("name one of: id, organizationId")
                .contains("ContextWithAttribute.organizationId: is named as the tenant attribute, but the CONTEXT strategy");
    }
}
