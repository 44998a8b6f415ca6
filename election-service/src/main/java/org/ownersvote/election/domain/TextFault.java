package org.ownersvote.election.domain;

import java.util.Locale;
import java.util.Optional;

import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.Wording;
import org.ownersvote.platform.text.IdentityText;

/**
 * What a text holds that no text may ({@link IdentityText#problem}: a NUL, a control character, a text-direction
 * control, a broken character), as a message in the reader's language naming where it is. IdentityText decides
 * which character is wrong; only the words are said here, since the platform's own explanation is English.
 */
public final class TextFault {

    private TextFault() {
    }

    /**
     * The first character of {@code value} that cannot be accepted, as a message "{where}: contains …", or empty.
     *
     * @param where the field or the row and column, in words
     */
    public static Optional<Text> of(Wording where, String value) {
        if (value == null || IdentityText.problem(value).isEmpty()) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < value.length();) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            if (IdentityText.problem(new String(Character.toChars(cp))).isEmpty()) {
                continue;
            }
            String codePoint = String.format(Locale.ROOT, "U+%04X", cp);
            if (cp == 0) {
                return Optional.of(Text.of("text.nul", where, position));
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                return Optional.of(Text.of("text.broken-character", where, codePoint, position));
            }
            if (Character.getType(cp) == Character.CONTROL) {
                return Optional.of(Text.of("text.control-character", where, codePoint, position));
            }
            return Optional.of(Text.of("text.direction-control", where, codePoint, position));
        }
        // a fault only a pair of characters makes (none today): said without a position
        return Optional.of(Text.of("text.not-acceptable", where));
    }
}
