package org.ownersvote.election.service;

import org.ownersvote.platform.problem.ProblemException;
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
        IdentityText.problem(value).ifPresent(problem -> {
            throw ProblemException.invalid(field, field + " " + problem);
        });
        return value.strip();
    }

    /** Identity text (a building, a unit, a name): {@link #acceptable}, then in its normal form. */
    public static String identity(String field, String value) {
        return IdentityText.normalise(acceptable(field, value));
    }
}
