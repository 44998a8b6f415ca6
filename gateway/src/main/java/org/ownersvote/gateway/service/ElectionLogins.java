package org.ownersvote.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The login names of election accounts: the working group chooses a short name ({@code zhang}) and the account
 * signs in as {@code zhang.k7q2mx4f}, the suffix derived from the election id. Every election has its own suffix
 * (kept in {@code election_login_suffix}, unique), so whether a name is free can only be asked, and answered, about
 * the caller's own election: the answer reveals nothing about accounts anywhere else.
 *
 * <p>The suffix is the start of the election id's SHA-256 in an alphabet without look-alike characters, 8 characters
 * (40 bits) at first; should another election (or an account an admin named by hand) already use it, it grows by
 * two characters until it is free.
 */
@ApplicationScoped
public class ElectionLogins {

    static final int FIRST_LENGTH = 8;
    static final int LONGEST = 22;
    /** 32 letters and digits without l, o, 0 and 1, which are read wrongly off paper. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    @Inject
    EntityManager em;

    /** The login name of an election account; the suffix is allocated at the election's first account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String loginName(String shortName, UUID election) {
        return shortName + "." + suffixFor(election);
    }

    /** True if the name ends in ".suffix" of an election: such names belong to that election's accounts only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isElectionLogin(String username) {
        int dot = username.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        lockAllocation();
        return !em.createNativeQuery("select 1 from election_login_suffix where suffix = ?1")
                .setParameter(1, username.substring(dot + 1)).getResultList().isEmpty();
    }

    private String suffixFor(UUID election) {
        lockAllocation();
        List<?> known = em.createNativeQuery("select suffix from election_login_suffix where election_id = ?1")
                .setParameter(1, election).getResultList();
        if (!known.isEmpty()) {
            return (String) known.get(0);
        }
        for (int length = FIRST_LENGTH; length <= LONGEST; length += 2) {
            String suffix = suffix(election, length);
            boolean taken = !em.createNativeQuery("select 1 from election_login_suffix where suffix = ?1 union all "
                    + "select 1 from staff_account where right(username, ?2) = ?3 limit 1").setParameter(1, suffix)
                    .setParameter(2, suffix.length() + 1).setParameter(3, "." + suffix).getResultList().isEmpty();
            if (!taken) {
                em.createNativeQuery("insert into election_login_suffix (election_id, suffix) values (?1, ?2)")
                        .setParameter(1, election).setParameter(2, suffix).executeUpdate();
                return suffix;
            }
        }
        throw new IllegalStateException("no free login suffix for election " + election);
    }

    /** Allocation and the admin's check of a name are serialised, so that neither can slip past the other. */
    private void lockAllocation() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('ownersvote.election-login-suffix'))")
                .getSingleResult();
    }

    /** The first {@code length} characters of the election id's SHA-256, five bits each. */
    public static String suffix(UUID election, int length) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(election.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int bit = i * 5;
            int twoBytes = ((hash[bit / 8] & 0xff) << 8) | (hash[bit / 8 + 1] & 0xff);
            out.append(ALPHABET.charAt((twoBytes >> (11 - bit % 8)) & 0x1f));
        }
        return out.toString();
    }
}
