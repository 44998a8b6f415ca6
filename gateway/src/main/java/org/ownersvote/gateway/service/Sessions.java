package org.ownersvote.gateway.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Sign-in, refresh and logout, with the login limits around them. */
@ApplicationScoped
public class Sessions {

    @Inject
    AccountService accounts;

    @Inject
    TokenIssuer tokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    BallotServiceClient ballots;

    @Inject
    GatewayConfig config;

    @Inject
    AuditLog audit;

    /**
     * A sign-in's tokens: the access token (bearer), its lifetime in seconds and roles; staff also get a refresh
     * token and its lifetime, owners do not.
     */
    public record SignedIn(String accessToken, long expiresIn, List<String> roles, String refreshToken,
            Long refreshExpiresIn) {
    }

    public SignedIn login(String username, String password, String address) {
        String accountKey = LoginThrottle.account(username);
        throttle.check(username, accountKey, LoginThrottle.address(address));
        Optional<StaffAccount> account = accounts.authenticate(username, password);
        if (account.isEmpty()) {
            throttle.failed(accountKey);
            throttle.failed(LoginThrottle.address(address));
            // one answer for unknown user, wrong password and disabled account: nothing to enumerate
            throw ProblemException.unauthorized("login-failed", Text.of("login.failed"));
        }
        throttle.succeeded(accountKey);
        RefreshTokens.Started session = QuarkusTransaction.requiringNew()
                .call(() -> refreshTokens.start(StaffAccount.findById(account.get().id)));
        return response(tokens.issue(account.get(), session.session()), session.token());
    }

    public SignedIn refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        if (rotation.result() != RefreshTokens.Result.OK) {
            if (rotation.account() != null) {
                audit.recordRefusal(rotation.account().username, "refresh", "staff_account",
                        rotation.account().username, null, rotation.result().name());
            }
            throw ProblemException.unauthorized("refresh-refused", Text.of("login.refresh-refused"));
        }
        return response(tokens.issue(rotation.account(), rotation.session()), rotation.next());
    }

    public void logout(String refreshToken) {
        refreshTokens.logout(refreshToken);
    }

    /**
     * An owner's sign-in with serial and code; wrong codes also count against the client address. ballot-service's
     * refusal is passed on in the caller's language ({@code acceptLanguage}, the caller's Accept-Language).
     */
    public SignedIn ownerLogin(String serial, String code, String address, String acceptLanguage) {
        throttle.check("owner:" + serial, LoginThrottle.address(address));
        BallotHolder holder;
        try {
            holder = ballots.checkOwnerCredentials(serial, code, address, acceptLanguage);
        } catch (ProblemException e) {
            if (e.status() == 401) {
                throttle.failed(LoginThrottle.address(address));
            }
            throw e;
        }
        TokenIssuer.IssuedToken token = tokens.issueOwner(holder);
        return new SignedIn(token.accessToken(), token.expiresIn(), token.roles(), null, null);
    }

    private SignedIn response(TokenIssuer.IssuedToken token, String refresh) {
        return new SignedIn(token.accessToken(), token.expiresIn(), token.roles(), refresh,
                config.refreshTokenLifetime().toSeconds());
    }
}
