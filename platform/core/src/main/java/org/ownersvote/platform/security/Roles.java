package org.ownersvote.platform.security;

/** The roles people hold, as they appear in the token's {@code groups} claim (README's API table: who may do what). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String STREET_OFFICE = "street-office";
    public static final String WORKING_GROUP = "working-group";
    public static final String BUILDING_LEADER = "building-leader";
    public static final String COUNTER = "counter";
    public static final String SCRUTINEER = "scrutineer";
    public static final String CHIEF_SCRUTINEER = "chief-scrutineer";
    public static final String OWNER = "owner";
    /** The gateway itself, calling a service on a user's behalf (e.g. checking an owner's ballot code). */
    public static final String GATEWAY = "gateway";

    private Roles() {
    }
}
