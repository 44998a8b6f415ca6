package org.ownersvote.ballot.service;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.Wording;

/** Several reasons in one message ("a; b" / "a；b"), each rendered in the message's language. */
record Reasons(List<Text> items) implements Wording {

    @Override
    public String in(Locale language) {
        return items.stream().map(t -> t.in(language))
                .collect(Collectors.joining(language == ProblemTexts.CHINESE ? "；" : "; "));
    }
}
