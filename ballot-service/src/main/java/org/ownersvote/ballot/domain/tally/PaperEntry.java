package org.ownersvote.ballot.domain.tally;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.ownersvote.ballot.domain.Mark;

/**
 * What a counter reads off a paper ballot: who signed it, and its marks. Blank and abstain are the same thing
 * (TallyEngine), so they are left out, and two entries agree when they say the same after that.
 */
public record PaperEntry(Signature signature, Map<String, Mark> marks, Map<String, Mark> motions) {

    public PaperEntry {
        marks = withoutAbstentions(marks);
        motions = withoutAbstentions(motions);
    }

    public boolean agrees(PaperEntry other) {
        return signature == other.signature && marks.equals(other.marks) && motions.equals(other.motions);
    }

    private static Map<String, Mark> withoutAbstentions(Map<String, Mark> marks) {
        TreeMap<String, Mark> kept = new TreeMap<>();
        if (marks != null) {
            marks.forEach((id, mark) -> {
                if (mark != null && mark != Mark.ABSTAIN) {
                    kept.put(id, mark);
                }
            });
        }
        return Collections.unmodifiableSortedMap(kept);
    }
}
