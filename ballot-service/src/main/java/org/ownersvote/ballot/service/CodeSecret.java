package org.ownersvote.ballot.service;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.ballot.config.BallotConfig;

import io.quarkus.runtime.Startup;

/** The server secret verification codes are hashed with; a short one stops start-up rather than weaken every code. */
@Startup
@ApplicationScoped
public class CodeSecret {

    static final int MIN_LENGTH = 32;

    private final byte[] secret;

    @Inject
    public CodeSecret(BallotConfig config) {
        if (config.codeSecret().length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "ownersvote.ballot.code-secret (OWNERSVOTE_BALLOT_CODE_SECRET) must have at "
                            + "least " + MIN_LENGTH + " characters");
        }
        this.secret = config.codeSecret().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        return secret.clone();
    }
}
