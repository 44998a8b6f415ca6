package org.ownersvote.platform.problem;

import java.util.Collection;
import java.util.Map;

import jakarta.validation.ConstraintViolation;

/**
 * A Bean Validation violation as a Text: a constraint declared with a message key ({@code @Pattern(…, message = TextRules.LINE_MESSAGE)}) says that key;
 * the standard constraints say "constraint.&lt;Name&gt;" with their limits ({@code @Size(max = 50)} → "at most 50
 * characters"), so the words come from the bundles in the caller's language, not from the validator.
 */
final class Constraints {

    private Constraints() {
    }

    static Text text(ConstraintViolation<?> v) {
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        Object message = attributes.get("message");
        if (message instanceof String key && !key.startsWith("{")) {
            return Text.of(key);
        }
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (name) {
            case "Size" -> {
                int min = (Integer) attributes.get("min");
                int max = (Integer) attributes.get("max");
                Object value = v.getInvalidValue();
                String items = value instanceof Collection<?> || value instanceof Map<?, ?>
                        || (value != null && value.getClass().isArray()) ? ".items" : "";
                yield min > 0 && max < Integer.MAX_VALUE ? Text.of("constraint.Size.between" + items, min, max)
                        : max < Integer.MAX_VALUE ? Text.of("constraint.Size.max" + items, max)
                        : Text.of("constraint.Size.min" + items, min);
            }
            case "Min", "Max", "DecimalMin", "DecimalMax" -> Text.of("constraint." + name, attributes.get("value"));
            case "Pattern" -> Text.of("constraint.Pattern", attributes.get("regexp"));
            default -> ProblemTexts.template("constraint." + name, ProblemTexts.ENGLISH) != null
                    ? Text.of("constraint." + name)
                    : Text.of("constraint.other", v.getMessage());
        };
    }
}
