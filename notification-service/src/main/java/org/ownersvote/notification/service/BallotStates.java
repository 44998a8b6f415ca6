package org.ownersvote.notification.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.ballot.BallotStepRecorded;

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
    EntityManager em;

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
        em.createNativeQuery("""
                insert into unit_ballot (election_id, building, unit, serial, status, reason, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (election_id, building, unit) do update
                set serial = excluded.serial, status = excluded.status, reason = excluded.reason,
                    updated_at = excluded.updated_at""")
                .setParameter(1, step.electionId()).setParameter(2, step.building()).setParameter(3, step.unit())
                .setParameter(4, step.action().equals("VOID") && step.replacementSerial() != null
                        ? step.replacementSerial() : step.serial())
                .setParameter(5, state.name()).setParameter(6, step.reason())
                .setParameter(7, step.at() == null ? envelope.time() : step.at()).executeUpdate();
    }

    /** Every unit with a recorded step; units not listed have not had their ballot handed out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UnitState> of(UUID electionId) {
        Map<String, UnitState> states = new HashMap<>();
        for (UnitState s : query("select building, unit, status, reason from unit_ballot where election_id = ?1",
                electionId)) {
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
        return query("select building, unit, status, reason from unit_ballot where election_id = ?1 "
                + "and status = 'UNDELIVERABLE' order by natural_key(building), natural_key(unit)", electionId);
    }

    static String key(String building, String unit) {
        return building + "\u0000" + unit;
    }

    @SuppressWarnings("unchecked")
    private List<UnitState> query(String sql, UUID electionId) {
        List<UnitState> states = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(sql).setParameter(1, electionId).getResultList()) {
            states.add(new UnitState((String) r[0], (String) r[1], State.valueOf((String) r[2]), (String) r[3]));
        }
        return states;
    }
}
