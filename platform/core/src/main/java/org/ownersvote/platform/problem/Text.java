package org.ownersvote.platform.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A message for a person, not yet in their language: a key into the message bundles (see {@link ProblemTexts}) and
 * the values its placeholders {0}, {1}, … take. The key doubles as the stable, machine-readable code of a field
 * error, so a client switches on it and never parses the words.
 */
public record Text(String key, List<Object> args) implements Wording {

    public Text {
        args = List.copyOf(args.stream().map(a -> a == null ? "—" : a).toList());
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    @Override
    public String in(Locale language) {
        return ProblemTexts.render(this, language);
    }

    /** In English: for logs and for callers that state no language. */
    public String english() {
        return ProblemTexts.render(this, ProblemTexts.ENGLISH);
    }
}
