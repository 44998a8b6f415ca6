package org.ownersvote.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.gateway.StaffAccount;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Staff accounts ({@code staff_account}). */
@ApplicationScoped
public class StaffAccountRepository {

    public Optional<StaffAccount> byUsername(String username) {
        return StaffAccount.<StaffAccount>find("username", username).firstResultOptional();
    }

    public boolean anyWithRole(String role) {
        Number n = (Number) StaffAccount.getEntityManager()
                .createNativeQuery("select count(*) from staff_account where cast(?1 as text) = any(roles)")
                .setParameter(1, role).getSingleResult();
        return n.longValue() > 0;
    }

    /** Serialises, until the transaction ends, the creation and change of the election's accounts. */
    public void lockElectionStaff(UUID electionId) {
        StaffAccount.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "ownersvote.election-staff:" + electionId).getSingleResult();
    }

    /** The enabled accounts of the election or of its community. */
    public List<StaffAccount> enabledOf(UUID electionId, UUID communityId) {
        return StaffAccount.<StaffAccount>list("enabled = true and (electionId = ?1 or communityId = ?2)", electionId,
                communityId);
    }

    /** The accounts of one election, by username. */
    public List<StaffAccount> ofElection(UUID electionId) {
        return StaffAccount.<StaffAccount>list("electionId", Sort.by("username"), electionId);
    }

    /** A page of every staff account, by username. */
    public List<StaffAccount> page(int page, int size) {
        return StaffAccount.<StaffAccount>findAll(Sort.by("username")).page(Page.of(page, size)).list();
    }
}
