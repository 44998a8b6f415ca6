package org.ownersvote.election.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Wording;

/**
 * Several wordings in one message, each in the message's language: a list of names ("提名、候选人名单公示") or a
 * series of reasons ("…；…").
 */
public record Listing(List<? extends Wording> items, boolean sentences) implements Wording {

    public Listing {
        items = List.copyOf(items);
    }

    /** Names joined as a list: "a, b" / "a、b". */
    public static Listing of(List<? extends Wording> items) {
        return new Listing(items, false);
    }

    /** Names that are the same in every language (units, people): "a, b" / "a、b". */
    public static Listing names(Collection<String> names) {
        return of(names.stream().map(name -> (Wording) language -> name).toList());
    }

    /** Clauses joined as a series: "a; b" / "a；b". */
    public static Listing sentences(List<? extends Wording> items) {
        return new Listing(items, true);
    }

    @Override
    public String in(Locale language) {
        boolean chinese = language == ProblemTexts.CHINESE;
        String separator = sentences ? (chinese ? "；" : "; ") : (chinese ? "、" : ", ");
        return items.stream().map(w -> w.in(language)).collect(Collectors.joining(separator));
    }
}
