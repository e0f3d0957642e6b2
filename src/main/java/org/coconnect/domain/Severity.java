package org.coconnect.domain;

/** How serious a problem is: an error rejects the message, a warning does not. */
public enum Severity { ERROR, WARNING }
