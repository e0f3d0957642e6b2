package org.coconnect.audit;

import java.util.Optional;

/**
 * Who acts through the local interface while a request is served on this thread: the client whose credential it
 * carries and the user ID that client passed for its own user. {@link AuditLog} writes it into every record made
 * meanwhile, so every change names who asked for it.
 */
public record Actor(String client, String user) {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    /** Acts as this client (and user, or null) on the current thread until {@link #clear()}. */
    public static void actAs(Actor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** How the audit record names it, e.g. "client=customs user=officer-17". */
    public String describe() {
        return "client=" + client + (user == null ? "" : " user=" + user);
    }
}
