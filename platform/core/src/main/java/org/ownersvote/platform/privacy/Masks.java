package org.ownersvote.platform.privacy;

/** How contacts are shown to people who need to know that there is one, not what it is. */
public final class Masks {

    private Masks() {
    }

    /** A mobile number as lists show it: 139****0625. Anything that is not 11 characters is left as it is. */
    public static String phone(String phone) {
        return phone == null || phone.length() != 11 ? phone : phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** An email address as lists show it: z***@example.cn. */
    public static String email(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
