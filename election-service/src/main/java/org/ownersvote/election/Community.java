package org.ownersvote.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A residential community (小区) whose owners elect a committee. */
@Entity
@Table(name = "community")
public class Community extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** 区, e.g. 普陀区 */
    @Column(nullable = false)
    public String district;

    /** 街道/镇, e.g. 真如镇街道 */
    @Column(nullable = false)
    public String street;

    /** The public address of the community's page, /c/&lt;shortCode&gt; (domain ShortCodes). */
    @Column(name = "short_code", nullable = false, unique = true)
    public String shortCode;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
