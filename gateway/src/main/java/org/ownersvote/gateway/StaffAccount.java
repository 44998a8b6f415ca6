package org.ownersvote.gateway;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who works on elections and signs in with a password; owners sign in with their ballot instead. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    /** bcrypt; the password itself is never stored or logged. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String[] roles;

    @Column(name = "community_id")
    public UUID communityId;

    @Column(name = "election_id")
    public UUID electionId;

    /** Buildings a building leader covers. */
    @Column(nullable = false)
    public String[] buildings;

    /** Communities a street office oversees. */
    @Column(nullable = false)
    public String[] communities;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
