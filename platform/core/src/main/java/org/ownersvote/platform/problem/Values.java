package org.ownersvote.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a wrong value is described to a caller: in words of the API (a number, a date, one of the listed values), never
 * with a Java type or a library's message.
 */
final class Values {

    private static final int SHOWN = 50;

    private Values() {
    }

    /** "'x' is not one of A, B" or "'x' is not a valid date (YYYY-MM-DD)", in the caller's language. */
    static Text notValid(Object value, Class<?> type) {
        String shown = String.valueOf(value);
        shown = shown.length() > SHOWN ? shown.substring(0, SHOWN) + "…" : shown;
        if (type != null && type.isEnum()) {
            return Text.of("field.not-one-of", shown, Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        return Text.of("field.not-valid", shown, Text.of("value." + describe(type)));
    }

    /** The kind of value a type takes, as a key under "value." in the bundles. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "whole-number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return "date-time";
        }
        return "value";
    }

    /**
     * Whether a request parameter's text converts to the type as JAX-RS converts it (enum constant, number, UUID,
     * a static valueOf/fromString/parse, or a String constructor); empty when that cannot be told.
     */
    static Optional<Boolean> converts(Class<?> type, String text) {
        if (type == String.class) {
            return Optional.of(true);
        }
        if (type.isEnum()) {
            return Optional.of(Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(text))
                    || staticFactory(type).map(m -> invokes(m, text)).orElse(false));
        }
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        Optional<Method> factory = staticFactory(boxed);
        if (factory.isPresent()) {
            return Optional.of(invokes(factory.get(), text));
        }
        try {
            boxed.getConstructor(String.class).newInstance(text);
            return Optional.of(true);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of(false);
        }
    }

    private static Optional<Method> staticFactory(Class<?> type) {
        for (String name : new String[] { "fromString", "valueOf", "parse" }) {
            for (Class<?> arg : new Class<?>[] { String.class, CharSequence.class }) {
                try {
                    Method m = type.getMethod(name, arg);
                    if (Modifier.isStatic(m.getModifiers())) {
                        return Optional.of(m);
                    }
                } catch (NoSuchMethodException e) {
                    // try the next
                }
            }
        }
        return Optional.empty();
    }

    private static boolean invokes(Method factory, String text) {
        try {
            factory.invoke(null, text);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            default -> Character.class;
        };
    }
}
