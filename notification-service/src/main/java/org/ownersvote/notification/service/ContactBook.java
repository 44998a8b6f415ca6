package org.ownersvote.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.notification.repository.ContactRepository;
import org.ownersvote.platform.publication.PublicationAssembler;

/**
 * The owners to message about each election, as published with the frozen roster. A version is complete once all
 * its chunks are here and their hash equals the published one ({@link PublicationAssembler}); messages go only to a
 * complete list.
 */
@ApplicationScoped
public class ContactBook {

    private static final Logger LOG = Logger.getLogger(ContactBook.class);

    @Inject
    ContactRepository contactLists;

    private PublicationAssembler<ContactsChunk.Contact> assembler;

    @PostConstruct
    void assemble() {
        assembler = new PublicationAssembler<>(new Tables(), ElectorateDigest::contacts);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(EventEnvelope envelope, ElectoratePublished p) {
        contactLists.announce(p);
        received(p.electionId(), p.version(), assembler.check(p.electionId(), p.version()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void chunk(EventEnvelope envelope, ContactsChunk chunk) {
        received(chunk.electionId(), chunk.version(),
                assembler.chunk(chunk.electionId(), chunk.version(), chunk.chunkIndex(), chunk.contacts()));
    }

    /** Contacts of the highest complete version; empty while none is complete. */
    public List<ContactsChunk.Contact> current(UUID electionId) {
        return contactLists.currentVersion(electionId).map(version -> assembler.items(electionId, version))
                .orElse(List.of());
    }

    private static void received(UUID electionId, int version, PublicationAssembler.Outcome outcome) {
        if (outcome == PublicationAssembler.Outcome.MISMATCH) {
            LOG.errorf("Contacts of election %s v%d do not match what was published; no messages go to them",
                    electionId, version);
        } else if (outcome == PublicationAssembler.Outcome.COMPLETE) {
            LOG.infof("Contacts of election %s v%d are complete", electionId, version);
        }
    }

    /** notification-service's tables for the contacts: contact_list and owner_contact. */
    private final class Tables implements PublicationAssembler.Store<ContactsChunk.Contact> {

        @Override
        public Optional<PublicationAssembler.Announced> announced(UUID electionId, int version) {
            return contactLists.announced(electionId, version);
        }

        @Override
        public void keep(UUID electionId, int version, int chunkIndex, List<ContactsChunk.Contact> contacts) {
            contactLists.keep(electionId, version, chunkIndex, contacts);
        }

        @Override
        public int chunksKept(UUID electionId, int version) {
            return contactLists.chunksKept(electionId, version);
        }

        @Override
        public List<ContactsChunk.Contact> items(UUID electionId, int version) {
            return contactLists.contacts(electionId, version);
        }

        @Override
        public void markComplete(UUID electionId, int version) {
            contactLists.markComplete(electionId, version);
        }
    }
}
