package org.ownersvote.ballot.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ownersvote.platform.problem.Text;

/**
 * What an electronic vote must be. Unlike paper, the form can be corrected before it is sent, so instead of
 * counting a doubtful ballot the way TallyEngine counts paper (blank = abstain, over-voted = approves no candidate),
 * an online vote that is incomplete or over-voted is refused with the reason and nothing is recorded.
 */
public final class OnlineBallotRules {

    /** One thing wrong with the vote, against the field it concerns. */
    public record Refusal(String field, Text message) {
    }

    private OnlineBallotRules() {
    }

    public static List<Refusal> check(Collection<String> candidateIds, Collection<String> motionIds, int seats,
            Map<String, Mark> marks, Map<String, Mark> motions) {
        List<Refusal> refusals = new ArrayList<>();
        checkAllMarked("marks", candidateIds, marks, Text.of("vote.no-mark-for-candidate"),
                Text.of("mark.not-a-candidate"), refusals);
        checkAllMarked("motions", motionIds, motions, Text.of("vote.no-mark-for-motion"), Text.of("mark.not-a-motion"),
                refusals);
        long approvals = marks.values().stream().filter(m -> m == Mark.APPROVE).count();
        if (approvals > seats) {
            refusals.add(new Refusal("marks", Text.of("vote.too-many-approvals", approvals, seats)));
        }
        return refusals;
    }

    private static void checkAllMarked(String field, Collection<String> expected, Map<String, Mark> given,
            Text unmarked, Text notOnBallot, List<Refusal> refusals) {
        for (String id : expected) {
            if (given.get(id) == null) {
                refusals.add(new Refusal(field + "." + id, unmarked));
            }
        }
        for (String id : given.keySet()) {
            if (!expected.contains(id)) {
                refusals.add(new Refusal(field + "." + id, notOnBallot));
            }
        }
    }
}
