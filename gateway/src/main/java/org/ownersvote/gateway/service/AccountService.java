package org.ownersvote.gateway.service;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.domain.PasswordPolicy;
import org.ownersvote.gateway.domain.RoleNames;
import org.ownersvote.gateway.domain.RosterBuildings;
import org.ownersvote.gateway.repository.StaffAccountRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
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

    /**
     * The roles of an election whose holders check each other: a building leader's returns are counted by counters,
     * two counters' entries are compared, a scrutineer resolves their conflicts and signs the tally off, the chief
     * scrutineer finalizes it. An account holds exactly one of them and nothing else (no working-group role either),
     * so that no single sign-in can both make an entry and approve it.
     */
    public static final Set<String> ELECTION_ROLES = Set.of(Roles.BUILDING_LEADER, Roles.COUNTER, Roles.SCRUTINEER,
            Roles.CHIEF_SCRUTINEER);

    // Checked against when the username is unknown, so that a wrong username costs as long as a wrong password.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-0");

    @Inject
    AuditLog audit;

    @Inject
    ElectionLogins electionLogins;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SessionCheck sessionCheck;

    @Inject
    StaffAccountRepository accounts;

    /** A staff account to create: its roles, and the community, election and buildings they are bounded to. */
    public record NewAccount(String username, String password, String displayName, List<String> roles,
            UUID communityId, UUID electionId, List<String> buildings, List<UUID> communities) {
    }

    /** An election account as its working group asks for it: a short name, one election role, a leader's buildings. */
    public record ElectionStaff(String username, String password, String displayName, List<String> roles,
            List<String> buildings) {
    }

    /** An account as an admin creates it: the username is taken as given (admins see every account anyway). */
    @Transactional
    public StaffAccount create(NewAccount request, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PasswordPolicy.violations(request.password(), request.username())
                .forEach(v -> errors.add(Problem.FieldError.of("password", v)));
        request.roles().stream().filter(r -> !STAFF_ROLES.contains(r))
                .forEach(r -> errors.add(Problem.FieldError.of("roles", Text.of("account.unknown-role", r))));
        separationOfDuties(request.roles()).ifPresent(errors::add);
        boolean needsCommunity = request.roles().stream().anyMatch(COMMUNITY_ROLES::contains);
        boolean needsElection = request.roles().stream().anyMatch(ELECTION_ROLES::contains);
        if (needsCommunity && request.communityId() == null) {
            errors.add(Problem.FieldError.of("communityId", Text.of("account.community-required",
                    RoleNames.list(request.roles()))));
        }
        if (needsElection && request.electionId() == null) {
            errors.add(Problem.FieldError.of("electionId", Text.of("account.election-required",
                    RoleNames.list(request.roles()))));
        }
        leaderBuildings(request.roles(), request.buildings()).ifPresent(errors::add);
        if (electionLogins.isElectionLogin(request.username())) {
            errors.add(Problem.FieldError.of("username", Text.of("account.election-login-name")));
        }
        if (errors.isEmpty() && needsElection) {
            onePersonOneAccount(request.displayName(), request.communityId(), request.electionId(), null)
                    .ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("account.not-created"), errors);
        }
        if (accounts.byUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("username-taken", Text.of("account.username-taken", request.username()));
        }
        return persist(request.username(), request, actor);
    }

    /**
     * A working group's account for its election: one election role, and the community and election the working
     * group's own scope gives. The name chosen is a short name; the account signs in as {@code name.<election
     * suffix>} ({@link ElectionLogins}), so a name can be taken only by another account of the same election.
     */
    @Transactional
    public StaffAccount createForElection(ElectionStaff request, UUID communityId, UUID electionId,
            RosterBuildings roster, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PasswordPolicy.violations(request.password(), request.username())
                .forEach(v -> errors.add(Problem.FieldError.of("password", v)));
        request.roles().stream().filter(r -> !ELECTION_ROLES.contains(r)).forEach(r -> errors.add(
                Problem.FieldError.of("roles", Text.of("account.not-an-election-role", RoleNames.list(ELECTION_ROLES),
                        RoleNames.of(r)))));
        separationOfDuties(request.roles()).ifPresent(errors::add);
        leaderBuildings(request.roles(), request.buildings()).ifPresent(errors::add);
        RosterBuildings.Result buildings = roster.match(request.buildings() == null ? List.of() : request.buildings());
        buildings.error().ifPresent(errors::add);
        if (errors.isEmpty()) {
            onePersonOneAccount(request.displayName(), communityId, electionId, null).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("account.not-created"), errors);
        }
        String login = electionLogins.loginName(request.username(), electionId);
        if (accounts.byUsername(login).isPresent()) { // only ever an account of this same election
            throw ProblemException.conflict("username-taken", Text.of("account.election-username-taken", login));
        }
        return persist(login, new NewAccount(login, request.password(), request.displayName(), request.roles(),
                communityId, electionId, buildings.buildings(), null), actor);
    }

    private StaffAccount persist(String username, NewAccount request, String actor) {
        StaffAccount account = new StaffAccount();
        account.id = UUID.randomUUID();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.displayName = request.displayName().strip();
        account.roles = new TreeSet<>(request.roles()).toArray(String[]::new);
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

    /** An account with an election role holds that one role and no other. */
    static Optional<Problem.FieldError> separationOfDuties(List<String> roles) {
        Set<String> distinct = new TreeSet<>(roles);
        Set<String> checking = new TreeSet<>(distinct);
        checking.retainAll(ELECTION_ROLES);
        if (checking.isEmpty() || distinct.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(Problem.FieldError.of("roles", Text.of("account.separation-of-duties",
                RoleNames.list(ELECTION_ROLES), RoleNames.list(distinct))));
    }

    /** A building leader's account names the buildings it covers: its returns and worklists are per building. */
    static Optional<Problem.FieldError> leaderBuildings(List<String> roles, List<String> buildings) {
        if (roles.contains(Roles.BUILDING_LEADER) && (buildings == null || buildings.isEmpty())) {
            return Optional.of(Problem.FieldError.of("buildings", Text.of("account.leader-needs-building")));
        }
        return Optional.empty();
    }

    /**
     * Refuses a second enabled account of the election (or of its community's working group) for what looks like the
     * same person: display names equal after NFKC, without whitespace, case-folded. In another role that person would
     * check their own work; in the same role (two counter accounts) they could make both entries of a ballot. One
     * account is all a person needs (a building leader's covers several buildings). A heuristic: it catches the same
     * name typed twice, not one person entered under two different names, and it refuses two people who share a name
     * (tell them apart in the display name, e.g. with the building).
     */
    private Optional<Problem.FieldError> onePersonOneAccount(String displayName, UUID communityId,
            UUID electionId, UUID except) {
        // one creation at a time per election, so that two concurrent requests cannot both pass this check
        accounts.lockElectionStaff(electionId);
        String person = personKey(displayName);
        return accounts.enabledOf(electionId, communityId).stream()
                .filter(a -> !a.id.equals(except))
                .filter(a -> electionId.equals(a.electionId) || Arrays.asList(a.roles).contains(Roles.WORKING_GROUP))
                .filter(a -> personKey(a.displayName).equals(person))
                .findFirst()
                .map(a -> Problem.FieldError.of("displayName", Text.of("account.same-person", a.displayName,
                        a.username, RoleNames.list(Arrays.asList(a.roles)))));
    }

    /** The display name as compared for "the same person": NFKC, whitespace removed, case-folded. */
    public static String personKey(String displayName) {
        String normal = Normalizer.normalize(displayName, Normalizer.Form.NFKC).replaceAll("(?U)\\s+", "");
        return normal.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Disables an account: it can no longer sign in and its refresh tokens are revoked. The resource checked that
     * {@code actor} may manage it; no one disables their own account.
     */
    @Transactional
    public StaffAccount disable(UUID accountId, String actor) {
        StaffAccount account = get(accountId);
        if (account.username.equals(actor)) {
            throw ProblemException.conflict("own-account", Text.of("account.disable-own"));
        }
        if (account.enabled) {
            account.enabled = false;
            int revoked = refreshTokens.revokeAccount(account.id, "account disabled");
            sessionCheck.forgetAccount(account.id); // its access tokens stop working at the next request
            audit.record(actor, "account.disabled", "staff_account", account.username,
                    account.electionId, revoked + " refresh tokens revoked");
        }
        return account;
    }

    /**
     * Corrects an election account's display name and a building leader's buildings (chosen from the roster). A
     * change of buildings ends the account's sessions, so that a building taken away is out of reach at once: the
     * leader signs in again and works with the new list. The resource checked that {@code actor} may manage it.
     */
    @Transactional
    public StaffAccount update(UUID accountId, String newDisplayName, List<String> newBuildings,
            RosterBuildings roster, String actor) {
        StaffAccount account = get(accountId);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> roles = Arrays.asList(account.roles);
        leaderBuildings(roles, newBuildings).ifPresent(errors::add);
        RosterBuildings.Result buildings = roster.match(newBuildings == null ? List.of() : newBuildings);
        buildings.error().ifPresent(errors::add);
        if (errors.isEmpty() && account.electionId != null) {
            onePersonOneAccount(newDisplayName, account.communityId, account.electionId, account.id)
                    .ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("account.not-changed"), errors);
        }
        String displayName = newDisplayName.strip();
        boolean buildingsChanged = !List.of(account.buildings).equals(buildings.buildings());
        if (!displayName.equals(account.displayName) || buildingsChanged) {
            audit.record(actor, "account.changed", "staff_account", account.username, account.electionId,
                    "displayName=" + displayName + "; buildings=" + String.join(",", buildings.buildings()));
        }
        account.displayName = displayName;
        account.buildings = buildings.buildings().toArray(String[]::new);
        if (buildingsChanged) {
            refreshTokens.revokeAccount(account.id, "buildings changed");
            sessionCheck.forgetAccount(account.id);
        }
        return account;
    }

    /** The accounts of one election, by username. */
    public List<StaffAccount> ofElection(UUID electionId) {
        return accounts.ofElection(electionId);
    }

    /** A page of every staff account, by username. */
    public List<StaffAccount> page(int page, int size) {
        return accounts.page(page, size);
    }

    /** The account, or the 404 for one that does not exist. */
    public StaffAccount get(UUID accountId) {
        StaffAccount account = StaffAccount.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound(Text.of("thing.account"), accountId);
        }
        return account;
    }

    /** The account if the password is right and the account enabled; every attempt is audited. */
    @Transactional
    public Optional<StaffAccount> authenticate(String username, String password) {
        Optional<StaffAccount> account = accounts.byUsername(username);
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
        boolean ok = matches && account.isPresent() && account.get().enabled;
        audit.record(username, ok ? "login.succeeded" : "login.failed", "staff_account", username, null,
                ok ? null : account.isEmpty() ? "unknown username" : !matches ? "wrong password" : "account disabled");
        return ok ? account : Optional.empty();
    }
}
