package org.coconnect.domain;

/** Where a verification inquiry stands, the same on both sides once the messages have arrived. */
public enum InquiryStatus {
    /** Asked and not answered yet. */
    OPEN,
    /** Answered; an inquiry has exactly one answer. */
    ANSWERED,
    /** The issuing side rejected the inquiry message (asking side only); it will not be answered. */
    REFUSED
}
