package org.ownersvote.ballot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ownersvote.ballot")
public interface BallotConfig {

    /**
     * The server secret verification codes are hashed with (HMAC-SHA256). At least 32 characters; in production it
     * comes from a secret and start-up fails without it. Changing it invalidates every printed code.
     */
    String codeSecret();

    /** The owner's page the QR code on a ballot opens; the serial is appended as {@code ?serial=}. */
    String ownerPageUrl();

    /** Agreeing scrutineers' sign-offs (distinct scrutineers, on the current ledger hash) needed to finalize. */
    @WithDefault("2")
    int requiredSignoffs();
}
