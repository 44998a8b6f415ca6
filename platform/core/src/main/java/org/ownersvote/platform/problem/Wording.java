package org.ownersvote.platform.problem;

import java.util.Locale;

/** A value in a message that has words of its own, rendered in the message's language (a thing's name, a list). */
public interface Wording {

    String in(Locale language);
}
