package org.ownersvote.notification.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.notification.repository.UnitBallotRepository;

/**
 * Where each unit's ballot stands, as ballot.step-recorded tells it (events of one election arrive in order).
 * A unit with no step yet has a ballot that has not been handed out.
 */
@ApplicationScoped
public class BallotStates {

    /** The states a unit's ballot can be in, as far as messages care. */
    public enum State {
        NOT_HANDED_OUT, HANDED_OUT, UNDELIVERABLE, RETURNED, CAST_ONLINE;

        public boolean voted() {
            return this == RETURNED || this == CAST_ONLINE;
        }
    }

    public record UnitState(String building, String unit, State state, String reason) {
    }

    @Inject
    UnitBallotRepository units;

    @Transactional(Transactional.TxType.MANDATORY)
    public void stepRecorded(EventEnvelope envelope, BallotStepRecorded step) {
        State state = switch (step.action()) {
            case "HANDOUT" -> State.HANDED_OUT;
            case "UNDELIVERABLE" -> State.UNDELIVERABLE;
            case "RETURN" -> State.RETURNED;
            case "CAST" -> State.CAST_ONLINE;
            case "VOID" -> State.NOT_HANDED_OUT; // a replacement ballot is issued and still has to be handed out
            default -> null;
        };
        if (state == null || step.building() == null || step.unit() == null) {
            return;
        }
        units.put(step.electionId(), step.building(), step.unit(),
                step.action().equals("VOID") && step.replacementSerial() != null
                        ? step.replacementSerial() : step.serial(),
                state, step.reason(), step.at() == null ? envelope.time() : step.at());
    }

    /** Every unit with a recorded step; units not listed have not had their ballot handed out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UnitState> of(UUID electionId) {
        Map<String, UnitState> states = new HashMap<>();
        for (UnitState s : units.all(electionId)) {
            states.put(key(s.building(), s.unit()), s);
        }
        return states;
    }

    public static State stateOf(Map<String, UnitState> states, String building, String unit) {
        UnitState s = states.get(key(building, unit));
        return s == null ? State.NOT_HANDED_OUT : s.state();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitState> undeliverable(UUID electionId) {
        return units.undeliverable(electionId);
    }

    static String key(String building, String unit) {
        return building + "\u0000" + unit;
    }
}
