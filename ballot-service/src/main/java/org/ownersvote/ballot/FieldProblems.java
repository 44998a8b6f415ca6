package org.ownersvote.ballot;

import java.util.List;

import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * One field is wrong, said in a whole sentence that is the problem's detail as well as the field's message. Unlike
 * the platform's "field: message" detail, the machine name of the field (attestation, opened.electionId) stays in
 * {@code errors[].field} and out of the words a person reads.
 */
public final class FieldProblems {

    private FieldProblems() {
    }

    public static ProblemException invalid(String field, Text sentence) {
        return ProblemException.invalid(sentence, List.of(Problem.FieldError.of(field, sentence)));
    }
}
