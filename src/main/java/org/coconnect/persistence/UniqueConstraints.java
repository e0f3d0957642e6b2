package org.coconnect.persistence;

import java.util.Locale;

/** Recognises the unique-constraint violations that mean "already stored", across H2 and PostgreSQL. */
public final class UniqueConstraints {

    public static final String MESSAGE = "uq_exchanged_message";
    public static final String CERTIFICATE = "uq_certificate";
    public static final String DECLARATION = "uq_declaration_of_origin";
    /** The primary key of a partner's approved-exporter list head; its name differs by database, the table's does not. */
    public static final String EXPORTER_LIST = "partner_exporter_list";

    private UniqueConstraints() {
    }

    /** Whether the exception (or one of its causes) is a violation of the named unique constraint. */
    public static boolean isViolationOf(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                // 23505: unique_violation in PostgreSQL and H2 alike.
                if ("23505".equals(sql.getSQLState())
                        && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(constraint)) {
                    return true;
                }
            }
        }
        return false;
    }
}
