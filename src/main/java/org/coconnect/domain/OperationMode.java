package org.coconnect.domain;

/** WCO K17 Operation mode of a CO message: it issues the CO, or (refused here, see docs/annexes.md) deletes it. */
public enum OperationMode {
    ISSUE,
    DELETE
}
