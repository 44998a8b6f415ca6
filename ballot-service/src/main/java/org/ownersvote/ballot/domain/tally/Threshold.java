package org.ownersvote.ballot.domain.tally;

import java.math.BigDecimal;

/**
 * The approval a candidate or motion needs (民法典 §278, 以上 includes the bound, 过半数 is strictly more than half):
 * MAJORITY — more than half of the participating heads and of the participating area; SPECIAL (repair fund,
 * rebuilding, change of use) — at least three quarters of both. Compared by cross-multiplying exact values, never
 * by rounded percentages.
 */
public enum Threshold {
    MAJORITY, SPECIAL;

    public boolean met(long approvingHeads, long participatingHeads, BigDecimal approvingArea,
            BigDecimal participatingArea) {
        return switch (this) {
            // y_n > n_p / 2  ⇔  2·y_n > n_p
            case MAJORITY -> 2 * approvingHeads > participatingHeads
                    && approvingArea.multiply(BigDecimal.valueOf(2)).compareTo(participatingArea) > 0;
            // y_n ≥ 3/4 · n_p  ⇔  4·y_n ≥ 3·n_p
            case SPECIAL -> 4 * approvingHeads >= 3 * participatingHeads
                    && approvingArea.multiply(BigDecimal.valueOf(4))
                            .compareTo(participatingArea.multiply(BigDecimal.valueOf(3))) >= 0;
        };
    }
}
