package org.coconnect.cli;

import java.util.Optional;

/** Decides whether the demo's e-mail chapter can run: it needs GreenMail, which the release does not ship. */
final class DemoMailChapter {

    /** A GreenMail class; looked up by name so that this class never links against GreenMail itself. */
    static final String GREENMAIL_CLASS = "com.icegreen.greenmail.util.GreenMail";

    private DemoMailChapter() {
    }

    /** Why the chapter is skipped, or empty when GreenMail can be loaded. */
    static Optional<String> skipReason() {
        return skipReason(GREENMAIL_CLASS);
    }

    static Optional<String> skipReason(String greenMailClass) {
        try {
            Class.forName(greenMailClass, false, DemoMailChapter.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("Skipped: GreenMail (the demo's test mail server) is not on the class path, as in the"
                    + " release; the demo's mail chapter runs from the source tree:"
                    + " mvn -q compile exec:java -Dexec.args=demo");
        }
    }
}
