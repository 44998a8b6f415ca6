package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Field errors as one line, "field: message; field: message", for a problem's detail. */
record FieldList(List<Problem.FieldError> errors) implements Wording {

    @Override
    public String in(Locale language) {
        return errors.stream().map(e -> e.in(language)).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining(language == ProblemTexts.CHINESE ? "；" : "; "));
    }
}
