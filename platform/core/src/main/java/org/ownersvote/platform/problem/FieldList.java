package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Field errors as one line, "field: message; field: message", for a problem's detail: in Chinese each field by its
 * name in words ("label.&lt;field&gt;" in the bundles, for the path's last segment: 推荐人, not nominators; a field
 * without a label as it is), in English by its path.
 */
record FieldList(List<Problem.FieldError> errors) implements Wording {

    @Override
    public String in(Locale language) {
        boolean chinese = language == ProblemTexts.CHINESE;
        return errors.stream().map(e -> e.in(language)).map(e -> label(e.field(), language)
                + (chinese ? "：" : ": ") + e.message()).collect(Collectors.joining(chinese ? "；" : "; "));
    }

    private static String label(String field, Locale language) {
        if (field == null) {
            return "";
        }
        if (language != ProblemTexts.CHINESE) {
            return field; // English readers of the API know its field paths
        }
        String last = field.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        String label = ProblemTexts.template("label." + last, language);
        return label == null ? field : label;
    }
}
