package org.ownersvote.notification.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.platform.publication.PublicationAssembler;

/** The owners' contacts as published: each version's list ({@code contact_list}) and its contacts by chunk. */
@ApplicationScoped
public class ContactRepository {

    @Inject
    EntityManager em;

    /** Records the published list; a summary delivered again changes nothing. */
    public void announce(ElectoratePublished p) {
        em.createNativeQuery("""
                insert into contact_list (election_id, version, community_id, contact_count, chunk_count, contacts_hash)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, p.electionId()).setParameter(2, p.version()).setParameter(3, p.communityId())
                .setParameter(4, p.contactCount()).setParameter(5, p.contactChunkCount())
                .setParameter(6, p.contactsHash()).executeUpdate();
    }

    /** The highest complete version; empty while none is complete. */
    public Optional<Integer> currentVersion(UUID electionId) {
        List<?> versions = em.createNativeQuery("select version from contact_list where election_id = ?1 and complete "
                + "order by version desc limit 1").setParameter(1, electionId).getResultList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(((Number) versions.get(0)).intValue());
    }

    public Optional<PublicationAssembler.Announced> announced(UUID electionId, int version) {
        List<?> rows = em.createNativeQuery("select chunk_count, contacts_hash, complete from contact_list "
                + "where election_id = ?1 and version = ?2").setParameter(1, electionId).setParameter(2, version)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] list = (Object[]) rows.get(0);
        return Optional.of(new PublicationAssembler.Announced(((Number) list[0]).intValue(), (String) list[1],
                Boolean.TRUE.equals(list[2])));
    }

    /** Keeps a chunk's contacts in their order; a chunk delivered again changes nothing. */
    public void keep(UUID electionId, int version, int chunkIndex, List<ContactsChunk.Contact> contacts) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into owner_contact (election_id, version, chunk_index, position, building, unit, owners,
                                               phone)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                int position = 0;
                for (ContactsChunk.Contact c : contacts) {
                    insert.setObject(1, electionId);
                    insert.setInt(2, version);
                    insert.setInt(3, chunkIndex);
                    insert.setInt(4, position++);
                    insert.setString(5, c.building());
                    insert.setString(6, c.unit());
                    insert.setString(7, String.join(";", c.owners()));
                    insert.setString(8, c.phone());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public int chunksKept(UUID electionId, int version) {
        return ((Number) em.createNativeQuery("select count(distinct chunk_index) from owner_contact "
                + "where election_id = ?1 and version = ?2").setParameter(1, electionId).setParameter(2, version)
                .getSingleResult()).intValue();
    }

    /** The version's contacts in the order they were published: by chunk, then by position in the chunk. */
    public List<ContactsChunk.Contact> contacts(UUID electionId, int version) {
        List<ContactsChunk.Contact> contacts = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select building, unit, owners, phone from owner_contact
                    where election_id = ? and version = ? order by chunk_index, position""")) {
                query.setObject(1, electionId);
                query.setInt(2, version);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        contacts.add(new ContactsChunk.Contact(rs.getString(1), rs.getString(2),
                                Arrays.asList(rs.getString(3).split(";")), rs.getString(4)));
                    }
                }
            }
        });
        return contacts;
    }

    public void markComplete(UUID electionId, int version) {
        em.createNativeQuery("update contact_list set complete = true where election_id = ?1 and version = ?2")
                .setParameter(1, electionId).setParameter(2, version).executeUpdate();
    }
}
