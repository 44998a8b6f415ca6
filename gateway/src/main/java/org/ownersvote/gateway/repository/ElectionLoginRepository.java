package org.ownersvote.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Each election's login suffix ({@code election_login_suffix}). */
@ApplicationScoped
public class ElectionLoginRepository {

    @Inject
    EntityManager em;

    /** Allocation and the admin's check of a name are serialised, so that neither can slip past the other. */
    public void lockAllocation() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('ownersvote.election-login-suffix'))")
                .getSingleResult();
    }

    public boolean isSuffix(String suffix) {
        return !em.createNativeQuery("select 1 from election_login_suffix where suffix = ?1")
                .setParameter(1, suffix).getResultList().isEmpty();
    }

    public Optional<String> suffixOf(UUID election) {
        List<?> known = em.createNativeQuery("select suffix from election_login_suffix where election_id = ?1")
                .setParameter(1, election).getResultList();
        return known.isEmpty() ? Optional.empty() : Optional.of((String) known.get(0));
    }

    /** Whether an election has the suffix, or a staff account's username ends in ".suffix". */
    public boolean taken(String suffix) {
        return !em.createNativeQuery("select 1 from election_login_suffix where suffix = ?1 union all "
                + "select 1 from staff_account where right(username, ?2) = ?3 limit 1").setParameter(1, suffix)
                .setParameter(2, suffix.length() + 1).setParameter(3, "." + suffix).getResultList().isEmpty();
    }

    public void allocate(UUID election, String suffix) {
        em.createNativeQuery("insert into election_login_suffix (election_id, suffix) values (?1, ?2)")
                .setParameter(1, election).setParameter(2, suffix).executeUpdate();
    }
}
