package org.ownersvote.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.repository.ElectionLoginRepository;

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
    ElectionLoginRepository suffixes;

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
        suffixes.lockAllocation();
        return suffixes.isSuffix(username.substring(dot + 1));
    }

    private String suffixFor(UUID election) {
        suffixes.lockAllocation();
        Optional<String> known = suffixes.suffixOf(election);
        if (known.isPresent()) {
            return known.get();
        }
        for (int length = FIRST_LENGTH; length <= LONGEST; length += 2) {
            String suffix = suffix(election, length);
            if (!suffixes.taken(suffix)) {
                suffixes.allocate(election, suffix);
                return suffix;
            }
        }
        throw new IllegalStateException("no free login suffix for election " + election);
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
