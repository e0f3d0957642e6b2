package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.error.ErrorCode;

/** Rules every message header must meet once the sender is authenticated. */
public final class HeaderRules {

    private HeaderRules() {
    }

    /**
     * @param authenticatedPartner the administration whose certificate signed the message
     * @param location XPath of the header in the payload, for problem locations
     */
    public static List<Problem> check(MessageHeader header, AdministrationId self, AdministrationId authenticatedPartner,
                                      Instant now, Duration allowedSkew, String location) {
        var problems = new ArrayList<Problem>();
        if (!header.receiver().equals(self)) {
            problems.add(Problem.error(ErrorCode.RECEIVER_NOT_US,
                    "Receiver " + header.receiver() + " is not this administration (" + self + ").",
                    location + "/m:Receiver"));
        }
        if (!header.sender().equals(authenticatedPartner)) {
            problems.add(Problem.error(ErrorCode.SENDER_NOT_SIGNER,
                    "Sender " + header.sender() + " is not the partner that signed the message.",
                    location + "/m:Sender"));
        }
        if (!isSupportedVersion(header.schemaVersion())) {
            problems.add(Problem.error(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                    "Schema version " + header.schemaVersion() + " is not supported; this gateway reads "
                            + MessageHeader.SCHEMA_VERSION + ".", location + "/m:SchemaVersion"));
        }
        if (header.createdAt().isAfter(now.plus(allowedSkew))) {
            problems.add(Problem.error(ErrorCode.CREATION_TIME_IN_FUTURE,
                    "Creation time " + header.createdAt() + " lies in the future.", location + "/m:CreationDateTime"));
        }
        return problems;
    }

    /** Same major version: minor versions only add optional elements. */
    static boolean isSupportedVersion(String version) {
        String major = MessageHeader.SCHEMA_VERSION.substring(0, MessageHeader.SCHEMA_VERSION.indexOf('.'));
        return version != null && version.startsWith(major + ".");
    }
}
