package org.ownersvote.notification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The campaigns that have run, by key ({@code campaign_run}). */
@ApplicationScoped
public class CampaignRunRepository {

    @Inject
    EntityManager em;

    /** Records the campaign's key; true if it was not recorded before. */
    public boolean firstRun(String campaign, Instant now) {
        return em.createNativeQuery("insert into campaign_run (key, ran_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, campaign).setParameter(2, now).executeUpdate() == 1;
    }
}
