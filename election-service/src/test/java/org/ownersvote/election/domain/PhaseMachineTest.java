package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhaseMachineTest {

    private static PhaseMachine.Facts facts(int rosterUnits, String area, int approved) {
        return new PhaseMachine.Facts(RulePack.SH_2020, 3, 0, rosterUnits, new BigDecimal(area), approved);
    }

    @Test
    void theLifecycleGoesForwardOnly() {
        assertEquals(EnumSet.of(Phase.NOMINATION), PhaseMachine.allowedNext(Phase.DRAFT));
        assertEquals(EnumSet.of(Phase.RESULT_PUBLICITY, Phase.FAILED), PhaseMachine.allowedNext(Phase.COUNTING));
        assertTrue(PhaseMachine.allowedNext(Phase.CLOSED).isEmpty());
        assertTrue(PhaseMachine.allowedNext(Phase.FAILED).isEmpty());
        PhaseMachine.Refusal refusal = PhaseMachine.check(Phase.DRAFT, Phase.VOTING, facts(10, "500.00", 9)).orElseThrow();
        assertEquals(EnumSet.of(Phase.NOMINATION), refusal.allowed());
    }

    @Test
    void nominationNeedsAnImportedRoster() {
        assertEquals("the roster must be imported before nomination opens",
                PhaseMachine.check(Phase.DRAFT, Phase.NOMINATION, facts(0, "0.00", 0)).orElseThrow().reason());
    }

    @Test
    void nominationChecksTheCommitteeSizeAgainstTheFrozenArea() {
        assertEquals(Optional.empty(), PhaseMachine.check(Phase.DRAFT, Phase.NOMINATION, facts(10, "9999.99", 0)));
        assertTrue(PhaseMachine.check(Phase.DRAFT, Phase.NOMINATION, facts(10, "10000.00", 0)).isPresent(),
                "3 seats are too few in Shanghai from 10,000 m²");
    }

    @Test
    void publicityNeedsAsManyApprovedCandidatesAsSeats() {
        assertEquals("at least 3 approved candidates are needed (2 approved)", PhaseMachine
                .check(Phase.NOMINATION, Phase.CANDIDATE_PUBLICITY, facts(10, "500.00", 2)).orElseThrow().reason());
        assertEquals(Optional.empty(),
                PhaseMachine.check(Phase.NOMINATION, Phase.CANDIDATE_PUBLICITY, facts(10, "500.00", 3)));
    }
}
