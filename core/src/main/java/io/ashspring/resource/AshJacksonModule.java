package io.ashspring.resource;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;


/**
 * Jackson support for resources: a belongs_to {@link Ref} is written as its key, or as the related
 * record once loaded, and read from a key. Spring Boot registers it with the application's
 * {@code JsonMapper}; elsewhere, add it with {@code JsonMapper.builder().addModule(new AshJacksonModule())}.
 */
public final class AshJacksonModule extends SimpleModule {

    /** The module. */
    public AshJacksonModule() {
        super("ash");
        addSerializer(Ref.class, new RefSerializer());
        addDeserializer(Ref.class, new RefDeserializer(null));
    }

    @SuppressWarnings("rawtypes")
    private static final class RefSerializer extends ValueSerializer<Ref> {
        @Override
        public void serialize(Ref ref, JsonGenerator generator, SerializationContext context) {
            context.writeValue(generator, ref.isLoaded() ? ref.get() : ref.id());
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class RefDeserializer extends ValueDeserializer<Ref> {
        private final JavaType keyType;

        RefDeserializer(JavaType keyType) {
            this.keyType = keyType;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType type = context.getContextualType() != null ? context.getContextualType()
                    : property != null ? property.getType() : null;
            JavaType key = type != null && type.containedTypeCount() == 2 ? type.containedType(1) : null;
            return new RefDeserializer(key);
        }

        @Override
        public Ref deserialize(JsonParser parser, DeserializationContext context) {
            Object id = keyType != null ? context.readValue(parser, keyType) : context.readValue(parser, Object.class);
            return Ref.to(id);
        }
    }
}
