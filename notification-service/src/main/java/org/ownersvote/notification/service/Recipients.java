package org.ownersvote.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.notification.repository.RecipientRepository;

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
    RecipientRepository repository;

    /** Replaces the election's registered recipients as a whole: what is not in the new list is gone. */
    @Transactional
    public void replace(UUID electionId, Registered registered) {
        repository.replace(electionId, registered);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Registered of(UUID electionId) {
        return new Registered(ownerEmails(electionId), groups(electionId), leaders(electionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnerEmail> ownerEmails(UUID electionId) {
        return repository.ownerEmails(electionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Group> groups(UUID electionId) {
        return repository.groups(electionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Leader> leaders(UUID electionId) {
        return repository.leaders(electionId);
    }

    /** The group's robot key, read when sending (it is a secret: lists never show it). */
    public Optional<String> webhookKey(UUID electionId, String groupName) {
        return QuarkusTransaction.requiringNew().call(() -> repository.webhookKey(electionId, groupName));
    }
}
