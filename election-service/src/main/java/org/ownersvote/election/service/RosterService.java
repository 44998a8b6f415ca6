package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.RosterAmendment;
import org.ownersvote.election.RosterEntry;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.Listing;
import org.ownersvote.election.domain.RosterUnit;
import org.ownersvote.election.domain.RosterValidator;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.election.repository.CommunityRepository;
import org.ownersvote.election.repository.ElectionRepository;
import org.ownersvote.election.repository.RosterRepository;
import org.ownersvote.election.service.roster.RosterDiff;
import org.ownersvote.election.service.roster.RosterFile;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.IdentityText;

/** Imports, reads and counts a community's roster. */
@ApplicationScoped
public class RosterService {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ElectoratePublisher electorates;

    @Inject
    RosterRepository repository;

    @Inject
    CommunityRepository communities;

    @Inject
    ElectionRepository elections;

    public record ImportResult(int units, RosterDiff diff, Electorate electorate) {
    }

    /**
     * A change of one unit of a frozen roster, with its reason. ADD gives the whole unit; UPDATE the fields that
     * change (null: unchanged); REMOVE only building and unit. Values as written in the roster file.
     */
    public record Amendment(String building, String unit, RosterAmendment.Change change, String reason, String kind,
            String areaM2, String owners, String ownerRef, String phone, Boolean developerHeld) {
    }

    /**
     * Replaces the community's roster with the uploaded one, or changes nothing: every bad row is reported at once.
     * Refused while an election has the roster frozen (from nomination on): then only amendments change it.
     */
    @Transactional
    public ImportResult importRoster(UUID communityId, byte[] file, String mediaType, String actor) {
        Community community = community(communityId);
        // lock the community so that two imports (or an import and a freeze) cannot interleave
        em.lock(community, LockModeType.PESSIMISTIC_WRITE);
        Optional<Election> freezing = elections.freezingRoster(communityId);
        if (freezing.isPresent()) {
            throw ProblemException.conflict("roster-frozen", Text.of("roster.frozen", freezing.get().title));
        }
        RosterFile.Content content = RosterFile.read(file, mediaType);
        List<RosterValidator.RowError> errors = RosterValidator.checkHeader(content.header());
        RosterValidator.Result result = errors.isEmpty() ? RosterValidator.validate(content.rows()) : null;
        if (result != null) {
            errors = result.errors();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("roster.rejected", errors.size()),
                    errors.stream().map(e -> Problem.FieldError.of(e.column(), e.row(), e.message())).toList());
        }

        Map<String, RosterUnit> before = byKey(units(communityId));
        Map<String, RosterUnit> after = byKey(result.units());
        RosterDiff diff = RosterDiff.between(before, after);
        repository.replace(communityId, result.units());
        Electorate electorate = Electorate.of(result.units(), RulePack.CN_2021);
        audit.record(actor, "roster.imported", "community", communityId, null, String.format(
                "%d units (%d added, %d removed, %d changed)", result.units().size(), diff.added().size(),
                diff.removed().size(), diff.changed().size()));
        return new ImportResult(result.units().size(), diff, electorate);
    }

    /**
     * Changes one unit of a frozen roster, with a reason, and publishes the election's electorate again (next
     * version). Refused when the roster is not frozen (re-import it instead) and once voting has opened.
     */
    @Transactional
    public RosterAmendment amend(UUID communityId, Amendment request, String actor) {
        Community community = community(communityId);
        em.lock(community, LockModeType.PESSIMISTIC_WRITE);
        Election election = elections.freezingRoster(communityId).orElseThrow(() -> ProblemException.conflict(
                "roster-not-frozen", Text.of("amendment.roster-not-frozen")));
        if (election.phase.votingOpened()) {
            throw ProblemException.conflict("voting-opened", Text.of("amendment.voting-opened", election.title));
        }
        String building = InputText.identity("building", request.building());
        String unitLabel = InputText.identity("unit", request.unit());
        String reason = InputText.acceptable("reason", request.reason());
        Optional<RosterEntry> existing = findUnit(communityId, request.building(), request.unit(), "unit");
        RosterAmendment amendment = new RosterAmendment();
        amendment.id = UUID.randomUUID();
        amendment.communityId = communityId;
        amendment.electionId = election.id;
        // the unit changed as it is stored (an older row may be written differently), a new one in its normal form
        amendment.building = existing.map(e -> e.building).orElse(building);
        amendment.unit = existing.map(e -> e.unit).orElse(unitLabel);
        amendment.change = request.change();
        amendment.reason = reason;
        amendment.at = OffsetDateTime.now();
        amendment.actor = actor;
        amendment.beforeValue = existing.map(RosterService::describe).orElse(null);

        switch (request.change()) {
            case REMOVE -> {
                RosterEntry entry = existing.orElseThrow(() -> ProblemException.invalid("unit",
                        Text.of("amendment.no-unit-to-remove", amendment.building + " " + amendment.unit)));
                entry.delete();
            }
            case ADD, UPDATE -> {
                if (request.change() == RosterAmendment.Change.ADD && existing.isPresent()) {
                    throw ProblemException.invalid("unit", existing.get().building.equals(building)
                            && existing.get().unit.equals(unitLabel)
                                    ? Text.of("amendment.unit-exists", building + " " + unitLabel)
                                    : Text.of("amendment.unit-look-alike-exists", building + " " + unitLabel,
                                            amendment.building + " " + amendment.unit));
                }
                if (request.change() == RosterAmendment.Change.UPDATE && existing.isEmpty()) {
                    throw ProblemException.invalid("unit", Text.of("amendment.no-unit-to-update",
                            amendment.building + " " + amendment.unit));
                }
                RosterUnit unit = amendedUnit(request, amendment.building, amendment.unit,
                        existing.map(RosterEntry::toDomain));
                requireOneSpellingPerPerson(communityId, unit);
                RosterEntry entry = existing.orElseGet(() -> {
                    RosterEntry e = new RosterEntry();
                    e.id = UUID.randomUUID();
                    e.communityId = communityId;
                    e.building = amendment.building;
                    e.unit = amendment.unit;
                    return e;
                });
                entry.kind = unit.kind();
                entry.area = unit.area();
                entry.owners = String.join(";", unit.owners());
                entry.ownerRef = unit.ownerRef();
                entry.phone = unit.phone();
                entry.developerHeld = unit.developerHeld();
                entry.persist();
                amendment.afterValue = describe(entry);
            }
        }
        amendment.persist();
        em.flush();
        electorates.publish(election, units(communityId));
        audit.record(actor, "roster.amended", "community", communityId, election.id, amendment.change + " "
                + amendment.building + " " + amendment.unit + ": " + amendment.reason);
        return amendment;
    }

    /** The unit after the amendment, checked by the same rules as an imported row. */
    private static RosterUnit amendedUnit(Amendment r, String building, String unit, Optional<RosterUnit> old) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("building", building);
        values.put("unit", unit);
        values.put("kind", r.kind() != null ? r.kind() : old.map(u -> u.kind().code()).orElse(""));
        values.put("area_m2", r.areaM2() != null ? r.areaM2() : old.map(u -> u.area().toPlainString()).orElse(""));
        values.put("owners", r.owners() != null ? r.owners() : old.map(u -> String.join(";", u.owners())).orElse(""));
        values.put("owner_ref", r.ownerRef() != null ? r.ownerRef() : old.map(RosterUnit::ownerRef).orElse(""));
        values.put("phone", r.phone() != null ? r.phone() : old.map(RosterUnit::phone).orElse(""));
        values.put("developer_held", r.developerHeld() != null ? r.developerHeld().toString()
                : old.map(u -> Boolean.toString(u.developerHeld())).orElse(""));
        RosterValidator.Result result = RosterValidator.validate(List.of(new RosterValidator.RawRow(0, values)));
        if (!result.valid()) {
            throw ProblemException.invalid(Text.of("amendment.unit-invalid", Listing.sentences(
                    result.errors().stream().map(RosterValidator.RowError::message).toList())),
                    result.errors().stream().map(e -> Problem.FieldError.of(e.column(), e.message())).toList());
        }
        return result.units().get(0);
    }

    /** An owner_ref that looks like one already on the roster is written the same way, or it counts twice. */
    private void requireOneSpellingPerPerson(UUID communityId, RosterUnit amended) {
        String skeleton = IdentityText.skeleton(amended.ownerRef());
        units(communityId).stream()
                .filter(u -> !u.ownerRef().equals(amended.ownerRef())
                        && IdentityText.skeleton(u.ownerRef()).equals(skeleton))
                .findFirst().ifPresent(u -> {
                    throw ProblemException.invalid("owner_ref", Text.of("amendment.owner-ref-look-alike",
                            amended.ownerRef(), u.ownerRef(), u.building() + " " + u.unit()));
                });
    }

    private static String describe(RosterEntry e) {
        return String.join(",", e.kind.code(), e.area.toPlainString(), e.owners, e.ownerRef,
                e.phone == null ? "" : e.phone, Boolean.toString(e.developerHeld));
    }

    public Electorate electorate(UUID communityId, RulePack rulePack) {
        community(communityId);
        return Electorate.of(units(communityId), rulePack);
    }

    /** The roster as domain values, in natural order. */
    public List<RosterUnit> units(UUID communityId) {
        return repository.units(communityId);
    }

    /**
     * The stored unit a request names. Written exactly as stored, or as its normal form, it is that unit; otherwise
     * the one stored unit that {@link IdentityText#skeleton looks like it} (rows imported before identity text was
     * normalised may hold invisible characters or full-width digits). When several stored units look like it (such
     * an older roster holds one home twice), only the exact text names one of them; else a 422 lists them.
     */
    public Optional<RosterEntry> findUnit(UUID communityId, String building, String unit, String field) {
        String rawBuilding = InputText.acceptable(field, building);
        String rawUnit = InputText.acceptable(field, unit);
        Optional<RosterEntry> exact = repository.find(communityId, rawBuilding, rawUnit)
                .or(() -> repository.find(communityId, IdentityText.normalise(rawBuilding),
                        IdentityText.normalise(rawUnit)));
        if (exact.isPresent()) {
            return exact;
        }
        String key = unitKey(rawBuilding, rawUnit);
        Map<UUID, String> alike = repository.unitsWhere(communityId, (b, u) -> unitKey(b, u).equals(key));
        if (alike.size() > 1) {
            throw ProblemException.invalid(field, Text.of("roster.units-look-alike", rawBuilding + " " + rawUnit,
                    Listing.names(alike.values())));
        }
        return alike.keySet().stream().findFirst().map(id -> RosterEntry.<RosterEntry>findById(id));
    }

    private static String unitKey(String building, String unit) {
        return IdentityText.skeleton(building) + "\u0000" + IdentityText.skeleton(unit);
    }

    public Community community(UUID communityId) {
        return communities.find(communityId)
                .orElseThrow(() -> ProblemException.notFound(Text.of("thing.community"), communityId));
    }

    private static Map<String, RosterUnit> byKey(List<RosterUnit> units) {
        return units.stream().collect(Collectors.toMap(u -> RosterDiff.key(u.building(), u.unit()), u -> u,
                (a, b) -> a, LinkedHashMap::new));
    }
}
