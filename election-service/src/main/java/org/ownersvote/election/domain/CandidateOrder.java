package org.ownersvote.election.domain;

import java.util.Comparator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * The order of candidates on the published list and the ballot: by stroke count of the surname (姓氏笔画), as
 * Chinese ballots list them, using ICU's stroke collation; names with equal strokes follow ICU's order further.
 */
public final class CandidateOrder {

    private static final Collator STROKES = Collator.getInstance(ULocale.forLanguageTag("zh-u-co-stroke"));

    private CandidateOrder() {
    }

    public static Comparator<String> byStrokes() {
        Collator collator = STROKES.cloneAsThawed();
        return collator::compare;
    }
}
