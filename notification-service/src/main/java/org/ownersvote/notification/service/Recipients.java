package org.ownersvote.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The recipients of an election's messages beyond the roster's phone numbers, as its working group registers them:
 * owners' email addresses, the owners' WeChat Work groups, and the building leaders who get daily worklists.
 */
@ApplicationScoped
public class Recipients {

    public record OwnerEmail(String building, String unit, String email) {
    }

    public record Group(String name, String webhookKey) {
    }

    public record Leader(String name, String phone, String email, List<String> buildings) {
    }

    public record Registered(List<OwnerEmail> ownerEmails, List<Group> groups, List<Leader> leaders) {
    }

    @Inject
    EntityManager em;

    /** Replaces the election's registered recipients as a whole: what is not in the new list is gone. */
    @Transactional
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Registered of(UUID electionId) {
        return new Registered(ownerEmails(electionId), groups(electionId), leaders(electionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnerEmail> ownerEmails(UUID electionId) {
        return rows("select building, unit, email from owner_email where election_id = ?1 "
                + "order by natural_key(building), natural_key(unit)",
                electionId).stream().map(r -> new OwnerEmail((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Group> groups(UUID electionId) {
        return rows("select name, webhook_key from wecom_group where election_id = ?1 order by name", electionId)
                .stream().map(r -> new Group((String) r[0], (String) r[1])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Leader> leaders(UUID electionId) {
        return rows("select name, phone, email, buildings from building_leader_contact where election_id = ?1 "
                + "order by name", electionId).stream().map(r -> new Leader((String) r[0], (String) r[1],
                        (String) r[2], List.of(((String) r[3]).split("\n"))))
                .toList();
    }

    /** The group's robot key, read when sending (it is a secret: lists never show it). */
    public Optional<String> webhookKey(UUID electionId, String groupName) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select webhook_key from wecom_group where election_id = ?1 and name = ?2")
                .setParameter(1, electionId).setParameter(2, groupName).getResultList().stream()
                .map(String.class::cast).findFirst());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID electionId) {
        return em.createNativeQuery(sql).setParameter(1, electionId).getResultList();
    }
}
