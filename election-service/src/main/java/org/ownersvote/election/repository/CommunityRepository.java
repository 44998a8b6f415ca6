package org.ownersvote.election.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.election.Community;

/** Communities, found by id, by the short code of their public page, or by street. */
@ApplicationScoped
public class CommunityRepository {

    public Optional<Community> find(UUID communityId) {
        return Community.findByIdOptional(communityId);
    }

    public Optional<Community> byShortCode(String code) {
        return Community.find("shortCode", code).firstResultOptional();
    }

    public boolean shortCodeTaken(String code) {
        return Community.count("shortCode", code) > 0;
    }

    public List<Community> ofStreet(String street) {
        return Community.list("street", street);
    }
}
