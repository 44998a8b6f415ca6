package org.ownersvote.election.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Election;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.PersonKeys;
import org.ownersvote.election.domain.RosterUnit;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.platform.outbox.Outbox;

/**
 * Fixes an election's electorate from the roster and publishes it, in chunks with counts and hashes, in the same
 * transaction as the freeze (or amendment) that caused it: ballot-service gets areas and person keys,
 * notification-service gets contacts, neither gets the other's data.
 */
@ApplicationScoped
public class ElectoratePublisher {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public Electorate publish(Election election, List<RosterUnit> roster) {
        RulePack rulePack = RulePack.fromCode(election.rulePack).orElseThrow();
        Electorate electorate = Electorate.of(roster, rulePack);
        List<RosterUnit> ordered = roster.stream()
                .sorted(Comparator.comparing(RosterUnit::building).thenComparing(RosterUnit::unit)).toList();

        List<ElectorateChunk.Unit> units = new ArrayList<>(ordered.size());
        List<ContactsChunk.Contact> contacts = new ArrayList<>(ordered.size());
        for (RosterUnit u : ordered) {
            units.add(new ElectorateChunk.Unit(u.building(), u.unit(), u.kind().code(), u.area(),
                    rulePack.counts(u.kind()), PersonKeys.of(election.id, u.personRef())));
            contacts.add(new ContactsChunk.Contact(u.building(), u.unit(), u.owners(), u.phone()));
        }

        election.electorateVersion++;
        election.electorateUnits = electorate.units();
        election.electorateCountedUnits = electorate.countedUnits();
        election.electorateArea = electorate.area();
        election.electorateHeadcount = electorate.headcount();
        int version = election.electorateVersion;

        int unitChunks = ElectorateDigest.chunkCount(units.size());
        int contactChunks = ElectorateDigest.chunkCount(contacts.size());
        outbox.publish(election.id, new ElectoratePublished(election.id, election.communityId, version,
                rulePack.code(), electorate.units(), electorate.countedUnits(), electorate.area(),
                electorate.headcount(), unitChunks, ElectorateDigest.units(units), contacts.size(), contactChunks,
                ElectorateDigest.contacts(contacts)));
        for (int i = 0; i < unitChunks; i++) {
            outbox.publish(election.id, new ElectorateChunk(election.id, version, i, slice(units, i)));
        }
        for (int i = 0; i < contactChunks; i++) {
            outbox.publish(election.id, new ContactsChunk(election.id, election.communityId, version, i,
                    slice(contacts, i)));
        }
        return electorate;
    }

    private static <T> List<T> slice(List<T> all, int chunk) {
        int from = chunk * ElectorateDigest.CHUNK_SIZE;
        return all.subList(Math.min(from, all.size()), Math.min(from + ElectorateDigest.CHUNK_SIZE, all.size()));
    }
}
