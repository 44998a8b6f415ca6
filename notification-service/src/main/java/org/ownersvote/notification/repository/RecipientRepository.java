package org.ownersvote.notification.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.notification.service.Recipients.Group;
import org.ownersvote.notification.service.Recipients.Leader;
import org.ownersvote.notification.service.Recipients.OwnerEmail;
import org.ownersvote.notification.service.Recipients.Registered;

/**
 * An election's registered recipients: owners' email addresses ({@code owner_email}), owners' groups
 * ({@code wecom_group}) and building leaders ({@code building_leader_contact}).
 */
@ApplicationScoped
public class RecipientRepository {

    @Inject
    EntityManager em;

    /** Deletes the election's registered recipients and inserts these. */
    public void replace(UUID electionId, Registered registered) {
        for (String table : List.of("owner_email", "wecom_group", "building_leader_contact")) {
            em.createNativeQuery("delete from " + table + " where election_id = ?1").setParameter(1, electionId)
                    .executeUpdate();
        }
        for (OwnerEmail e : registered.ownerEmails()) {
            em.createNativeQuery("insert into owner_email (election_id, building, unit, email) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, electionId).setParameter(2, e.building()).setParameter(3, e.unit())
                    .setParameter(4, e.email()).executeUpdate();
        }
        for (Group g : registered.groups()) {
            em.createNativeQuery("insert into wecom_group (election_id, name, webhook_key) values (?1, ?2, ?3)")
                    .setParameter(1, electionId).setParameter(2, g.name()).setParameter(3, g.webhookKey())
                    .executeUpdate();
        }
        for (Leader l : registered.leaders()) {
            em.createNativeQuery("insert into building_leader_contact (election_id, name, phone, email, buildings) "
                    + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, electionId).setParameter(2, l.name())
                    .setParameter(3, l.phone()).setParameter(4, l.email())
                    .setParameter(5, String.join("\n", l.buildings())).executeUpdate();
        }
    }

    public List<OwnerEmail> ownerEmails(UUID electionId) {
        return rows("select building, unit, email from owner_email where election_id = ?1 "
                + "order by natural_key(building), natural_key(unit)",
                electionId).stream().map(r -> new OwnerEmail((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    public List<Group> groups(UUID electionId) {
        return rows("select name, webhook_key from wecom_group where election_id = ?1 order by name", electionId)
                .stream().map(r -> new Group((String) r[0], (String) r[1])).toList();
    }

    public List<Leader> leaders(UUID electionId) {
        return rows("select name, phone, email, buildings from building_leader_contact where election_id = ?1 "
                + "order by name", electionId).stream().map(r -> new Leader((String) r[0], (String) r[1],
                        (String) r[2], List.of(((String) r[3]).split("\n"))))
                .toList();
    }

    public Optional<String> webhookKey(UUID electionId, String groupName) {
        return em.createNativeQuery("select webhook_key from wecom_group where election_id = ?1 and name = ?2")
                .setParameter(1, electionId).setParameter(2, groupName).getResultList().stream()
                .map(String.class::cast).findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID electionId) {
        return em.createNativeQuery(sql).setParameter(1, electionId).getResultList();
    }
}
