package dev.graft.compiler.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Configurator's value types ({@code Integer}, {@code int[]}, {@code Collection<String>}, ...)
 * and the conversion of a JSON value, or of a {@code .cfg} file's text, to one of them.
 */
final class JsonTypes {

    private JsonTypes() {
    }

    static boolean isIntegral(BigDecimal n) {
        return n.stripTrailingZeros().scale() <= 0 && n.toPlainString().indexOf('.') < 0 && n.toString().indexOf('E') < 0;
    }

    /**
     * @param type a Configurator type: a scalar, {@code X[]} or {@code Collection<X>}
     * @param raw a JSON value (String, BigDecimal, Boolean or a List of these)
     * @return the typed value
     * @throws IllegalArgumentException naming the problem
     */
    static Object convert(String type, Object raw) {
        if (type.endsWith("[]") || (type.startsWith("Collection<") && type.endsWith(">"))) {
            boolean collection = !type.endsWith("[]");
            String element = collection ? type.substring("Collection<".length(), type.length() - 1) : type.substring(0, type.length() - 2);
            List<?> list = raw instanceof List<?> l ? l : List.of(raw);
            List<Object> values = new ArrayList<>();
            for (Object o : list) {
                values.add(scalar(element, o));
            }
            if (collection) {
                return values;
            }
            Class<?> component = componentType(element);
            Object array = java.lang.reflect.Array.newInstance(component, values.size());
            for (int i = 0; i < values.size(); i++) {
                java.lang.reflect.Array.set(array, i, values.get(i));
            }
            return array;
        }
        if (raw instanceof List) {
            throw new IllegalArgumentException("an array given for the type " + type);
        }
        return scalar(type, raw);
    }

    private static Class<?> componentType(String element) {
        return switch (element) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "boolean" -> boolean.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            default -> scalar(element, sample(element)).getClass();
        };
    }

    private static Object sample(String element) {
        return element.equals("Boolean") ? Boolean.FALSE : element.equals("String") || element.equals("Character") ? "x" : BigDecimal.ONE;
    }

    /**
     * @param type a scalar type, boxed or primitive
     * @param raw a JSON value, or a {@code .cfg} file's text
     * @return the value of that type
     */
    static Object scalar(String type, Object raw) {
        String text = raw instanceof BigDecimal n ? n.toPlainString() : String.valueOf(raw);
        try {
            return switch (type) {
                case "String" -> requireKind(raw, String.class, type);
                case "Integer", "int" -> Integer.valueOf(integral(raw, text));
                case "Long", "long" -> Long.valueOf(integral(raw, text));
                case "Short", "short" -> Short.valueOf(integral(raw, text));
                case "Byte", "byte" -> Byte.valueOf(integral(raw, text));
                case "Double", "double" -> Double.valueOf(decimal(raw, text));
                case "Float", "float" -> Float.valueOf(decimal(raw, text));
                case "Boolean", "boolean" -> bool(raw, text);
                case "Character", "char" -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("\"" + text + "\" is not one character");
                    }
                    yield text.charAt(0);
                }
                default -> throw new IllegalArgumentException("unknown type " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quoted(raw) + " is not " + article(type));
        }
    }

    private static Object requireKind(Object raw, Class<?> kind, String type) {
        if (!kind.isInstance(raw)) {
            throw new IllegalArgumentException(quoted(raw) + " is not " + article(type));
        }
        return raw;
    }

    private static String integral(Object raw, String text) {
        if (raw instanceof Boolean || raw instanceof BigDecimal n && !isIntegral(n)) {
            throw new NumberFormatException(text);
        }
        return text.strip();
    }

    private static String decimal(Object raw, String text) {
        if (raw instanceof Boolean) {
            throw new NumberFormatException(text);
        }
        return text.strip();
    }

    private static Boolean bool(Object raw, String text) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String && (text.strip().equals("true") || text.strip().equals("false"))) {
            return Boolean.valueOf(text.strip());
        }
        throw new IllegalArgumentException(quoted(raw) + " is not a boolean (true or false)");
    }

    static String quoted(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw instanceof BigDecimal n ? n.toPlainString() : raw);
    }

    static String article(String type) {
        String t = switch (type) {
            case "Integer" -> "int";
            case "Character" -> "char";
            default -> type.toLowerCase(java.util.Locale.ROOT);
        };
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }
}
