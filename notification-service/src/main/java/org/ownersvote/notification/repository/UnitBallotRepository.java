package org.ownersvote.notification.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.notification.service.BallotStates.State;
import org.ownersvote.notification.service.BallotStates.UnitState;

/** Where each unit's ballot stands ({@code unit_ballot}), one row per unit. */
@ApplicationScoped
public class UnitBallotRepository {

    @Inject
    EntityManager em;

    /** Sets the unit's ballot's serial and state. */
    public void put(UUID electionId, String building, String unit, String serial, State state, String reason,
            OffsetDateTime at) {
        em.createNativeQuery("""
                insert into unit_ballot (election_id, building, unit, serial, status, reason, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (election_id, building, unit) do update
                set serial = excluded.serial, status = excluded.status, reason = excluded.reason,
                    updated_at = excluded.updated_at""")
                .setParameter(1, electionId).setParameter(2, building).setParameter(3, unit)
                .setParameter(4, serial)
                .setParameter(5, state.name()).setParameter(6, reason)
                .setParameter(7, at).executeUpdate();
    }

    /** Every unit with a recorded step. */
    public List<UnitState> all(UUID electionId) {
        return query("select building, unit, status, reason from unit_ballot where election_id = ?1", electionId);
    }

    /** The units whose ballot could not be delivered, in natural order. */
    public List<UnitState> undeliverable(UUID electionId) {
        return query("select building, unit, status, reason from unit_ballot where election_id = ?1 "
                + "and status = 'UNDELIVERABLE' order by natural_key(building), natural_key(unit)", electionId);
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
