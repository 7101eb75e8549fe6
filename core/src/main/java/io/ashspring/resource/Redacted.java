package io.ashspring.resource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A record's {@code toString} with its sensitive attributes redacted. Java generates a record's
 * {@code toString} from all components, so a resource with a sensitive attribute overrides it:
 *
 * <pre>{@code
 * public record User(@PrimaryKey UUID id, String name, @Attribute(sensitive = true) String apiToken) {
 *     @Override public String toString() { return Redacted.toString(this); }  // User[id=..., name=Ann, apiToken=**redacted**]
 * }
 * }</pre>
 */
public final class Redacted {

    /** What a sensitive value is replaced with. */
    public static final String MASK = "**redacted**";

    /** What a registry knows (including {@code configure} hooks); wins over the annotations. */
    private static final java.util.Map<Class<?>, boolean[]> FROM_MODEL = new java.util.concurrent.ConcurrentHashMap<>();

    private static final ClassValue<boolean[]> FROM_ANNOTATIONS = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            boolean[] sensitive = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                Attribute attribute = components[i].getAnnotation(Attribute.class);
                sensitive[i] = attribute != null && attribute.sensitive();
            }
            return sensitive;
        }
    };

    private Redacted() {
    }

    /** Records which components of a resource are sensitive, as its model says; called by the registry. */
    static void register(io.ashspring.resource.model.ResourceModel resource) {
        boolean[] sensitive = new boolean[resource.componentCount()];
        resource.attributes().forEach(a -> sensitive[a.component()] |= a.sensitive());
        FROM_MODEL.put(resource.type(), sensitive);
    }

    /** {@code Type[a=1, secret=**redacted**]}, in the format of a record's own {@code toString}. */
    public static String toString(Record record) {
        Class<?> type = record.getClass();
        RecordComponent[] components = type.getRecordComponents();
        boolean[] sensitive = FROM_MODEL.getOrDefault(type, FROM_ANNOTATIONS.get(type));
        StringBuilder out = new StringBuilder(type.getSimpleName()).append('[');
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(components[i].getName()).append('=');
            if (sensitive[i]) {
                out.append(MASK);
            } else {
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    Object value = accessor.invoke(record);
                    out.append(value instanceof Object[] array ? Arrays.toString(array)
                            : value instanceof byte[] bytes ? "byte[" + bytes.length + "]" : String.valueOf(value));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.append('?');
                }
            }
        }
        return out.append(']').toString();
    }
}
