package io.ashspring.resource;

import java.util.UUID;

import org.junit.jupiter.api.Test;


import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AshJacksonModuleTests {

    record Owner(UUID id, String name) {
    }

    record Pet(String name, Ref<Owner, UUID> owner) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new AshJacksonModule()).build();

    @Test
    void aReferenceIsWrittenAsItsKey() {
        UUID id = UUID.fromString("0b0e5d4c-0000-4000-8000-000000000001");
        assertThat(json.writeValueAsString(new Pet("Rex", Ref.to(id))))
                .isEqualTo("{\"name\":\"Rex\",\"owner\":\"0b0e5d4c-0000-4000-8000-000000000001\"}");
    }

    @Test
    void aLoadedReferenceIsWrittenAsItsRecord() {
        UUID id = UUID.fromString("0b0e5d4c-0000-4000-8000-000000000001");
        assertThat(json.writeValueAsString(new Pet("Rex", Ref.loaded(id, new Owner(id, "Ann")))))
                .contains("\"owner\":{\"id\":\"0b0e5d4c-0000-4000-8000-000000000001\",\"name\":\"Ann\"}");
    }

    @Test
    void aReferenceIsReadFromItsKeyWithTheKeysType() {
        Pet pet = json.readValue("{\"name\":\"Rex\",\"owner\":\"0b0e5d4c-0000-4000-8000-000000000001\"}", Pet.class);
        assertThat(pet.owner().id()).isEqualTo(UUID.fromString("0b0e5d4c-0000-4000-8000-000000000001"));
        assertThat(pet.owner().isLoaded()).isFalse();
    }
}
