package org.ownersvote.gateway.routing;

/** Where a request under /api goes: one of the three services, or the gateway's own resources. */
public enum Upstream {
    GATEWAY, ELECTION_SERVICE, BALLOT_SERVICE, NOTIFICATION_SERVICE
}
