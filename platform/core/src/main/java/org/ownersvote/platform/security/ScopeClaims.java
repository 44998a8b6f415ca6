package org.ownersvote.platform.security;

/** Token claims that bound what a caller may touch (object scope, OWASP API1). */
public final class ScopeClaims {
    /** The community a working group, building leader, counter or scrutineer belongs to. */
    public static final String COMMUNITY = "community_id";
    /** Communities a street office oversees. */
    public static final String COMMUNITIES = "communities";
    /** The election a building leader, counter or scrutineer works on. */
    public static final String ELECTION = "election_id";
    /** Building labels a building leader covers. */
    public static final String BUILDINGS = "buildings";
    /** The ballot serial an owner token is bound to. */
    public static final String BALLOT = "ballot_serial";

    private ScopeClaims() {
    }
}
