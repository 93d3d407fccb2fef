package nl.weerbaar.kit.streams;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a mutable state entity holds now, as a value that compares equal exactly when the entity's public fields do:
 * a snapshot of every field, collections copied (their elements must be values: strings, numbers, enums, records).
 * A processor keeps an exercise's entities in memory between steps and writes back to its store only those whose
 * fingerprint changed — a comparison of a few fields instead of serializing every entity of the exercise on every
 * step. Reflection over every public field, so a field added later is never forgotten; an entity that holds a
 * mutable object this cannot copy is refused at once instead of being compared wrongly.
 */
public final class Fingerprint {

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return Arrays.stream(type.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                    .toArray(Field[]::new);
        }
    };

    private Fingerprint() {
    }

    /**
     * Whether {@code entity} differs from what {@code remembered} holds under {@code key} (nothing held: it does);
     * remembers its fingerprint now either way. A store writes the entity back when this says so.
     */
    public static boolean changed(Map<String, Object> remembered, String key, Object entity) {
        List<Object> now = of(entity);
        return !(remembered.put(key, now) instanceof List<?> before && before.equals(now));
    }

    public static List<Object> of(Object entity) {
        Field[] fields = FIELDS.get(entity.getClass());
        List<Object> values = new ArrayList<>(fields.length);
        for (Field field : fields) {
            try {
                values.add(copy(field.get(entity), field));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("field " + field + " cannot be read", e);
            }
        }
        return values;
    }

    private static Object copy(Object value, Field field) {
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(e -> copy.add(checked(e, field)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> copy.put(checked(k, field), checked(v, field)));
            return copy;
        }
        return checked(value, field);
    }

    private static Object checked(Object value, Field field) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Record || value instanceof Character) {
            return value;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return copy(value, field); // a collection of collections
        }
        throw new IllegalStateException(field + " holds a " + value.getClass().getName()
                + ", which a fingerprint cannot copy: make it a record or a value");
    }
}
