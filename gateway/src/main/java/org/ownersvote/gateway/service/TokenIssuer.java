package org.ownersvote.gateway.service;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.security.ScopeClaims;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Issues the RS256 access tokens every service verifies: roles in {@code groups}, object scope in claims. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    public record IssuedToken(String accessToken, long expiresIn, List<String> roles) {
    }

    /**
     * An owner's token: role owner, scoped to the one ballot (and its election and community) whose serial and code
     * were shown.
     */
    public IssuedToken issueOwner(BallotHolder holder) {
        long lifetime = config.accessTokenLifetime().toSeconds();
        String token = Jwt.issuer(issuer)
                .audience(new HashSet<>(audiences))
                .subject("ballot:" + holder.ballotSerial())
                .upn("owner:" + holder.ballotSerial())
                .groups(Roles.OWNER)
                .claim(ScopeClaims.BALLOT, holder.ballotSerial())
                .claim(ScopeClaims.ELECTION, holder.electionId().toString())
                .claim(ScopeClaims.COMMUNITY, holder.communityId().toString())
                .expiresIn(lifetime)
                .jws().keyId(config.signingKeyId()).algorithm(SignatureAlgorithm.RS256).sign();
        return new IssuedToken(token, lifetime, List.of(Roles.OWNER));
    }

    /** The gateway's own token for calling a service, valid for one minute. */
    public String serviceToken() {
        return Jwt.issuer(issuer)
                .audience(new HashSet<>(audiences))
                .subject("gateway")
                .upn("gateway")
                .groups(Roles.GATEWAY)
                .expiresIn(60)
                .jws().keyId(config.signingKeyId()).algorithm(SignatureAlgorithm.RS256).sign();
    }

    /** The claim naming the session (refresh-token family) a staff token belongs to; see SessionCheck. */
    public static final String SESSION = "sid";

    /** A staff token, tied to its session: when the session ends (logout, disabled account), so does the token. */
    public IssuedToken issue(StaffAccount account, UUID session) {
        long lifetime = config.accessTokenLifetime().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(new HashSet<>(audiences))
                .subject(account.id.toString())
                .upn(account.username)
                .groups(new HashSet<>(Arrays.asList(account.roles)))
                .claim("name", account.displayName)
                .claim(SESSION, session.toString())
                .expiresIn(lifetime);
        if (account.communityId != null) {
            claims.claim(ScopeClaims.COMMUNITY, account.communityId.toString());
        }
        if (account.electionId != null) {
            claims.claim(ScopeClaims.ELECTION, account.electionId.toString());
        }
        if (account.buildings.length > 0) {
            claims.claim(ScopeClaims.BUILDINGS, Arrays.asList(account.buildings));
        }
        if (account.communities.length > 0) {
            claims.claim(ScopeClaims.COMMUNITIES, Arrays.asList(account.communities));
        }
        String token = claims.jws().keyId(config.signingKeyId()).algorithm(SignatureAlgorithm.RS256).sign();
        return new IssuedToken(token, lifetime, List.of(account.roles));
    }
}
