package org.ownersvote.gateway.service;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.security.ScopeClaims;

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

    public IssuedToken issue(StaffAccount account) {
        long lifetime = config.accessTokenLifetime().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(new HashSet<>(audiences))
                .subject(account.id.toString())
                .upn(account.username)
                .groups(new HashSet<>(Arrays.asList(account.roles)))
                .claim("name", account.displayName)
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
        String token = claims.jws().keyId(config.signingKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new IssuedToken(token, lifetime, List.of(account.roles));
    }
}
