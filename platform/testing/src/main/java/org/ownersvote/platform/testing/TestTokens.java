package org.ownersvote.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens as the gateway issues them, signed with the test key, and the bad tokens every service must refuse:
 * expired, wrong issuer, wrong audience, HS256-signed, unsigned, signed by a foreign key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://ownersvote.local/gateway";
    public static final String AUDIENCE = "ownersvote";

    private String subject = "tester";
    private final List<String> roles = new ArrayList<>();
    private UUID communityId;
    private UUID electionId;
    private final List<String> buildings = new ArrayList<>();
    private String ballotSerial;
    private String session;
    private final List<String> communities = new ArrayList<>();
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private long expiresInSeconds = 900;
    private Signing signing = Signing.RS256;
    private String privateKey = "test-keys/private.pem";
    private String keyId = "test";

    private enum Signing { RS256, HS256, NONE }

    private TestTokens() {
    }

    public static TestTokens as(String username, String... roles) {
        TestTokens t = new TestTokens();
        t.subject = username;
        t.roles.addAll(List.of(roles));
        return t;
    }

    public TestTokens community(UUID id) {
        this.communityId = id;
        return this;
    }

    public TestTokens election(UUID id) {
        this.electionId = id;
        return this;
    }

    public TestTokens buildings(String... labels) {
        this.buildings.addAll(List.of(labels));
        return this;
    }

    /**
     * The gateway session ({@code sid}) the token belongs to. The gateway lets a staff token through only while its
     * session is live and belongs to the account in {@code sub}; services do not look at it.
     */
    public TestTokens session(String sid) {
        this.session = sid;
        return this;
    }

    /** An owner token's one ballot. */
    public TestTokens ballot(String serial) {
        this.ballotSerial = serial;
        return this;
    }

    public TestTokens oversees(UUID... communityIds) {
        for (UUID id : communityIds) {
            communities.add(id.toString());
        }
        return this;
    }

    public TestTokens expiredSecondsAgo(long seconds) {
        this.expiresInSeconds = -seconds;
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    public TestTokens signedWithHs256() {
        this.signing = Signing.HS256;
        return this;
    }

    public TestTokens unsigned() {
        this.signing = Signing.NONE;
        return this;
    }

    /** Signed with another key of the test resources (e.g. "test-keys/next-private.pem"), under the key id given. */
    public TestTokens signedWith(String privateKeyResource, String kid) {
        this.privateKey = privateKeyResource;
        this.keyId = kid;
        return this;
    }

    /** The key id written in the header, whatever key signs. */
    public TestTokens keyId(String kid) {
        this.keyId = kid;
        return this;
    }

    public TestTokens signedWithForeignKey() {
        this.privateKey = "test-keys/foreign-private.pem";
        return this;
    }

    public String token() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - Math.max(0, -expiresInSeconds) - 60));
        NumericDate exp = NumericDate.now();
        exp.addSeconds(expiresInSeconds);
        claims.setExpirationTime(exp);
        claims.setGeneratedJwtId();
        if (communityId != null) {
            claims.setClaim("community_id", communityId.toString());
        }
        if (electionId != null) {
            claims.setClaim("election_id", electionId.toString());
        }
        if (!buildings.isEmpty()) {
            claims.setStringListClaim("buildings", buildings);
        }
        if (!communities.isEmpty()) {
            claims.setStringListClaim("communities", communities);
        }
        if (ballotSerial != null) {
            claims.setClaim("ballot_serial", ballotSerial);
        }
        if (session != null) {
            claims.setClaim("sid", session);
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setHeader("typ", "JWT");
            switch (signing) {
                case RS256 -> {
                    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                    jws.setKey(readPrivateKey(privateKey));
                    jws.setKeyIdHeaderValue(keyId);
                }
                case HS256 -> {
                    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
                    jws.setKey(
                            new SecretKeySpec("an-attacker-chosen-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8),
                                    "HmacSHA256"));
                }
                case NONE -> {
                    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
                    return header + "." + base64Url(claims.toJson()) + ".";
                }
            }
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static PrivateKey readPrivateKey(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot read test key " + resource, e);
        }
    }
}
