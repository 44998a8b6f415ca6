package org.ownersvote.election.service;

import org.ownersvote.election.domain.RosterValidator;
import org.ownersvote.election.domain.TextFault;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.IdentityText;

/** Text from a request, checked before anything is looked up or stored with it. */
public final class InputText {

    private InputText() {
    }

    /**
     * Free text (a reason, a statement, an objection) as sent, stripped; a 422 naming the field when it holds what
     * no text may (a NUL, a control character other than tab and line breaks, a direction override).
     */
    public static String acceptable(String field, String value) {
        if (value == null) {
            return null;
        }
        TextFault.of(words(field), value).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
        return value.strip();
    }

    /** Identity text (a building, a unit, a name): {@link #acceptable}, then in its normal form. */
    public static String identity(String field, String value) {
        return IdentityText.normalise(acceptable(field, value));
    }

    /** A request field's name in words. */
    static Text words(String field) {
        return switch (field) {
            case "building" -> RosterValidator.columnWords("building");
            case "unit" -> RosterValidator.columnWords("unit");
            case "name" -> Text.of("input.name");
            case "statement" -> Text.of("input.statement");
            case "reason" -> Text.of("input.reason");
            case "text" -> Text.of("input.objection");
            case "answer" -> Text.of("input.answer");
            case "nominators" -> Text.of("input.nominator");
            case "objectingUnit" -> Text.of("input.objecting-unit");
            default -> Text.of("input.other");
        };
    }
}
