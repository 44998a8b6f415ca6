package org.ownersvote.gateway.service;

import java.util.Arrays;

import org.ownersvote.gateway.rest.dto.CreateElectionStaffRequest;
import org.ownersvote.platform.security.Caller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.domain.PasswordPolicy;
import org.ownersvote.gateway.rest.dto.CreateUserRequest;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.security.Roles;

import io.quarkus.elytron.security.common.BcryptUtil;

@ApplicationScoped
public class AccountService {

    /** Roles a staff account may hold; owners sign in with their ballot, never with an account. */
    static final Set<String> STAFF_ROLES = Set.of(Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP,
            Roles.BUILDING_LEADER, Roles.COUNTER, Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER);

    /** Roles whose work is bounded to one community and must name it. */
    static final Set<String> COMMUNITY_ROLES = Set.of(Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER);

    /** Roles whose work is bounded to one election and must name it. */
    static final Set<String> ELECTION_ROLES = Set.of(Roles.BUILDING_LEADER, Roles.COUNTER, Roles.SCRUTINEER,
            Roles.CHIEF_SCRUTINEER);

    // Checked against when the username is unknown, so that a wrong username costs as long as a wrong password.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-0");

    @Inject
    AuditLog audit;

    @Transactional
    public StaffAccount create(CreateUserRequest request, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PasswordPolicy.violations(request.password(), request.username())
                .forEach(v -> errors.add(new Problem.FieldError("password", v)));
        request.roles().stream().filter(r -> !STAFF_ROLES.contains(r))
                .forEach(r -> errors.add(new Problem.FieldError("roles", "unknown staff role '" + r + "'")));
        boolean needsCommunity = request.roles().stream().anyMatch(COMMUNITY_ROLES::contains);
        boolean needsElection = request.roles().stream().anyMatch(ELECTION_ROLES::contains);
        if (needsCommunity && request.communityId() == null) {
            errors.add(new Problem.FieldError("communityId", "required for " + String.join(", ", request.roles())));
        }
        if (needsElection && request.electionId() == null) {
            errors.add(new Problem.FieldError("electionId", "required for " + String.join(", ", request.roles())));
        }
        if (request.roles().contains(Roles.BUILDING_LEADER) && (request.buildings() == null || request.buildings().isEmpty())) {
            errors.add(new Problem.FieldError("buildings", "a building leader needs at least one building"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The account cannot be created as requested", errors);
        }
        if (StaffAccount.byUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("username-taken", "The username '" + request.username() + "' is taken");
        }

        StaffAccount account = new StaffAccount();
        account.id = UUID.randomUUID();
        account.username = request.username();
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.displayName = request.displayName().strip();
        account.roles = request.roles().toArray(String[]::new);
        account.communityId = request.communityId();
        account.electionId = request.electionId();
        account.buildings = request.buildings() == null ? new String[0] : request.buildings().toArray(String[]::new);
        account.communities = request.communities() == null ? new String[0]
                : request.communities().stream().map(UUID::toString).toArray(String[]::new);
        account.enabled = true;
        account.createdAt = OffsetDateTime.now();
        account.createdBy = actor;
        account.persist();
        audit.record(actor, "account.created", "staff_account", account.username, request.electionId(),
                "roles=" + String.join(",", request.roles()));
        return account;
    }

    /** Roles a working group may give the accounts of its own election. */
    static final Set<String> ELECTION_STAFF_ROLES = Set.of(Roles.BUILDING_LEADER, Roles.COUNTER, Roles.SCRUTINEER,
            Roles.CHIEF_SCRUTINEER);

    @Inject
    RefreshTokens refreshTokens;

    /**
     * A working group's account for its election: only election roles, and the community and election the
     * working group's own scope gives.
     */
    @Transactional
    public StaffAccount createForElection(CreateElectionStaffRequest request, UUID communityId, UUID electionId,
            String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        request.roles().stream().filter(r -> !ELECTION_STAFF_ROLES.contains(r)).forEach(r -> errors.add(
                new Problem.FieldError("roles", "a working group may give only " + String.join(", ",
                        new java.util.TreeSet<>(ELECTION_STAFF_ROLES)) + ", not '" + r + "'")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The account cannot be created as requested", errors);
        }
        return create(new CreateUserRequest(request.username(), request.password(), request.displayName(),
                request.roles(), communityId, electionId, request.buildings(), null), actor);
    }

    /**
     * Disables an account: it can no longer sign in and its refresh tokens are revoked. An admin may disable any
     * account but the last admin; a working group only the election accounts of its own community.
     */
    @Transactional
    public StaffAccount disable(UUID accountId, Caller caller) {
        StaffAccount account = StaffAccount.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound("Account", accountId);
        }
        if (!caller.hasRole(Roles.ADMIN)) {
            boolean own = account.communityId != null && caller.communityId().map(account.communityId::equals)
                    .orElse(false);
            boolean electionStaff = Arrays.stream(account.roles).allMatch(ELECTION_STAFF_ROLES::contains);
            if (!own) {
                throw ProblemException.notFound("Account", accountId); // another community's accounts are not shown
            }
            if (!electionStaff) {
                throw ProblemException.forbidden("A working group may disable only the election accounts it creates");
            }
        }
        if (account.username.equals(caller.username())) {
            throw ProblemException.conflict("own-account", "You cannot disable your own account");
        }
        if (account.enabled) {
            account.enabled = false;
            int revoked = refreshTokens.revokeAccount(account.id, "account disabled");
            audit.record(caller.username(), "account.disabled", "staff_account", account.username,
                    account.electionId, revoked + " refresh tokens revoked");
        }
        return account;
    }

    /** The account if the password is right and the account enabled; every attempt is audited. */
    @Transactional
    public Optional<StaffAccount> authenticate(String username, String password) {
        Optional<StaffAccount> account = StaffAccount.byUsername(username);
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
        boolean ok = matches && account.isPresent() && account.get().enabled;
        audit.record(username, ok ? "login.succeeded" : "login.failed", "staff_account", username, null,
                ok ? null : account.isEmpty() ? "unknown username" : !matches ? "wrong password" : "account disabled");
        return ok ? account : Optional.empty();
    }
}
