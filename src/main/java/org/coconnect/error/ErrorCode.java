package org.coconnect.error;

/**
 * The one stable list of CoConnect error codes, used alike in SOAP faults, acknowledgements, logs,
 * alerts and docs/error-codes.md. Codes are never renumbered; a retired code stays reserved.
 */
public enum ErrorCode {
    // 1xxx: message security. Partners only ever see SECURITY_FAILURE; the specific code goes to the log and alert.
    SECURITY_FAILURE("CC-1000", Use.FAULT, "The message failed security processing."),
    SIGNATURE_INVALID("CC-1001", Use.LOG, "The XML signature is missing, broken or does not cover the required parts."),
    NOT_ENCRYPTED("CC-1002", Use.LOG, "The SOAP body is not encrypted as the policy requires."),
    TIMESTAMP_INVALID("CC-1003", Use.LOG, "The wsu:Timestamp is missing, expired or too far in the future."),
    CERTIFICATE_NOT_TRUSTED("CC-1004", Use.LOG, "The signing certificate does not belong to a configured partner or is not valid, or a partner certificate is not valid for its role (signing, encryption, TLS)."),
    ALGORITHM_NOT_ALLOWED("CC-1005", Use.LOG, "An algorithm outside the agreed suite was used (e.g. RSA 1.5, SHA-1, AES-CBC)."),
    DECRYPTION_FAILED("CC-1006", Use.LOG, "The encrypted content could not be decrypted with our key."),
    POLICY_VIOLATION("CC-1007", Use.LOG, "The message does not meet the WS-SecurityPolicy of the WSDL."),
    REPLAY_DETECTED("CC-1008", Use.LOG, "A timestamp or signature already seen was presented again."),
    CERTIFICATE_REVOKED("CC-1009", Use.LOG, "A partner certificate is revoked by its CA's CRL, or its CA requires a current CRL and none is held."),
    SIGNATURE_NOT_UNIQUE("CC-1010", Use.LOG, "The message does not carry exactly one signature, by its BinarySecurityToken certificate, covering both the Body and the Timestamp."),

    // 11xx: transport authentication. Partners only ever see AUTHENTICATION_FAILED (HTTP 401).
    AUTHENTICATION_FAILED("CC-1100", Use.FAULT, "Authentication failed."),
    CLIENT_CERTIFICATE_UNKNOWN("CC-1101", Use.LOG, "The TLS client certificate is not a configured partner's TLS certificate."),
    CREDENTIALS_INVALID("CC-1102", Use.LOG, "The HTTP Basic credentials are missing or wrong."),
    SOURCE_IP_NOT_ALLOWED("CC-1103", Use.LOG, "The connection comes from an address outside the partner's allowlist."),
    IDENTITY_MISMATCH("CC-1104", Use.LOG, "TLS certificate, login, source address, signing certificate and header sender do not all name one partner."),
    TOO_MANY_FAILURES("CC-1105", Use.LOG, "Too many failed logins from this address; it is locked out for a while."),
    FORWARDED_FOR_INVALID("CC-1106", Use.LOG, "A trusted proxy sent an X-Forwarded-For header that is not a list of IP addresses."),
    LOGIN_CHECKS_BUSY("CC-1107", Use.LOG, "Too many password checks are running at once; the login was refused unchecked (HTTP 503), retry later."),

    // 12xx: JOSE message security of the JSON binding (docs/json-api.md). Partners only ever see SECURITY_FAILURE.
    JOSE_ALGORITHM_NOT_ALLOWED("CC-1201", Use.LOG, "A JWS or JWE uses an algorithm outside the allowlist (JWS RS256 or PS256; JWE RSA-OAEP-256 with A256GCM): none, HMAC, RSA1_5 and others are refused."),
    JOSE_KEY_NOT_ACCEPTED("CC-1202", Use.LOG, "The JWS header does not name its signer by exactly one x5c certificate, or carries a key of its own (jwk, jku, x5u)."),
    JWS_SIGNATURE_INVALID("CC-1203", Use.LOG, "The JWS signature does not verify with the certificate it names."),
    JOSE_MALFORMED("CC-1204", Use.LOG, "The body is not a compact JWS (or a JWE carrying one), or its header cannot be read."),
    JWE_REQUIRED("CC-1205", Use.LOG, "The partner's configuration asks for encryption and the body is not a JWE, or the JWE cannot be decrypted with our key."),
    PROTOCOL_NOT_AGREED("CC-1206", Use.LOG, "The partner used the JSON binding, but its partner.protocol is soap (or the other way round)."),

    // 13xx: the e-mail channel. A refused mail is moved to the refused folder unprocessed; nothing is answered.
    MAIL_NOT_VERIFIED("CC-1301", Use.LOG, "A mail in the partners' mailbox is not S/MIME encrypted for us with an agreed algorithm (AES-256-GCM or AES-256-CBC, RSA-OAEP), not signed once, or its signature does not verify (altered); it was moved to the refused folder."),
    MAIL_SENDER_UNKNOWN("CC-1302", Use.LOG, "A mail is signed by no partner on the e-mail channel (unknown, revoked, or served over HTTPS), or its From is not that partner's address; it was moved to the refused folder."),
    MAIL_PAYLOAD_UNREADABLE("CC-1303", Use.LOG, "A verified mail carries no readable CoConnect request or acknowledgement, or its message ID headers contradict its payload; it was moved to the refused folder."),
    MAIL_ACK_UNMATCHED("CC-1304", Use.LOG, "A partner's acknowledgement mail names a message we never sent to that partner; it was moved to the refused folder."),
    MAILBOX_UNREACHABLE("CC-1305", Use.LOG, "The partners' mailbox (IMAP) or our SMTP server could not be reached or refused us; mails wait there and are read on a later pass."),

    // 2xxx: message format.
    SCHEMA_INVALID("CC-2001", Use.ACK, "The payload does not conform to the CoConnect schemas."),
    MALFORMED_PAYLOAD("CC-2002", Use.FAULT, "The payload is not well-formed XML or uses forbidden constructs (DTD, entities)."),
    WRONG_OPERATION("CC-2003", Use.FAULT, "The payload element or the SOAPAction does not belong to the operation served at this address."),
    PAYLOAD_LIMIT_EXCEEDED("CC-2004", Use.FAULT, "The payload exceeds a size, depth or count limit."),
    WRONG_HTTP_REQUEST("CC-2005", Use.FAULT,
            "Only HTTP POST with Content-Type text/xml (a SOAP 1.1 envelope) is served at this address, and GET of its ?wsdl."),
    RATE_LIMITED("CC-2006", Use.FAULT, "Too many requests from this partner at once or in this period; retry later."),
    LOOKUP_RATE_LIMITED("CC-2007", Use.FAULT,
            "Too many verification lookups from this client in this period; retry later."),
    HTTP_REQUEST_MALFORMED("CC-2008", Use.FAULT,
            "The HTTP request is malformed (request line, headers, body framing) or its headers are too large."),
    NO_SUCH_ADDRESS("CC-2009", Use.FAULT, "No service is published at this address."),

    // 21xx: the JSON binding's payload (docs/json-api.md).
    JSON_SCHEMA_INVALID("CC-2101", Use.ACK, "The JSON payload does not conform to the operation's JSON Schema; the location is a JSON Pointer."),
    JSON_MALFORMED("CC-2102", Use.FAULT, "The JWS payload is not well-formed JSON (UTF-8, one object, no duplicate member names)."),
    JSON_WRONG_REQUEST("CC-2103", Use.FAULT, "Only HTTP POST with Content-Type application/jose is served at a JSON address, and GET of the published schemas."),

    // 3xxx: header and identity.
    RECEIVER_NOT_US("CC-3001", Use.ACK, "The header's receiver is not this administration."),
    SENDER_NOT_SIGNER("CC-3002", Use.ACK, "The header's sender is not the partner that signed the message."),
    UNSUPPORTED_SCHEMA_VERSION("CC-3003", Use.ACK, "The header names a schema version this gateway does not support."),
    CREATION_TIME_IN_FUTURE("CC-3004", Use.ACK, "The header's creation time lies in the future."),
    OPERATION_MODE_DELETE_REFUSED("CC-3101", Use.ACK,
            "A CO with K17 Operation mode DELETE is refused: a CO is withdrawn through send-amendment-notification, which the importing side may decline."),
    CONFIGURATION_REFUSED("CC-3102", Use.LOCAL,
            "reload: the new configuration is refused, naming the file and key; the running configuration stays in force."),

    // 4xxx: duplicates.
    DUPLICATE_MESSAGE("CC-4001", Use.ACK, "This message ID was already received; the original receipt is repeated."),
    MESSAGE_ID_CONFLICT("CC-4002", Use.ACK, "This message ID was already received with different content."),
    BUSINESS_DUPLICATE("CC-4003", Use.ACK, "This CO version was already received under another message ID."),

    // 5xxx: business rules and lifecycle.
    DATE_IN_FUTURE("CC-5001", Use.ACK, "A date lies in the future."),
    GOODS_ITEM_NUMBERING("CC-5002", Use.ACK, "Goods items must be numbered 1, 2, 3 ... without gaps or repeats."),
    ISSUING_COUNTRY_MISMATCH("CC-5003", Use.ACK, "The CO's issuing country is not the sender's country."),
    IMPORTING_COUNTRY_MISMATCH("CC-5004", Use.ACK, "The CO's importing country is not this administration's country."),
    UNKNOWN_CERTIFICATE("CC-5005", Use.ACK, "The message refers to a CO this gateway does not know."),
    INVALID_TRANSITION("CC-5006", Use.ACK, "The CO's current state does not allow this message."),
    REASON_REQUIRED("CC-5007", Use.ACK, "A decline or rejection must give its reason."),
    WRONG_PARTNER("CC-5008", Use.LOG, "The CO referred to was exchanged with another partner; the partner is answered CC-5005, as for a CO that does not exist."),
    ORIGIN_COUNTRY_DIFFERS("CC-5009", Use.ACK, "A goods item's country of origin differs from the issuing country (warning)."),
    VERSION_NOT_NEXT("CC-5010", Use.ACK, "A new CO version must follow a cancelled version."),
    NO_PARTNER_FOR_COUNTRY("CC-5011", Use.LOCAL, "No partner administration is configured for the CO's importing country."),
    CERTIFICATE_EXISTS("CC-5012", Use.LOCAL, "This CO version has already been issued."),

    // 51xx: Declarations of Origin and the approved-exporter scheme (framework Annex IV).
    EXPORTER_NOT_APPROVED("CC-5101", Use.ACK, "The DO's exporter was not an approved exporter on the DO's date (unknown, denied, not yet authorised or revoked)."),
    AUTHORISATION_CODE_MISMATCH("CC-5102", Use.ACK, "The DO's authorisation code is not the one granted to its exporter."),
    EXPORTER_STATUS_CONFLICT("CC-5103", Use.LOCAL, "The exporter's current status does not allow this change."),
    UNKNOWN_EXPORTER("CC-5104", Use.LOCAL, "No exporter with this identifier is registered."),
    EXPORTER_EXISTS("CC-5105", Use.LOCAL, "An exporter with this identifier is already registered."),
    DECLARATION_EXISTS("CC-5106", Use.LOCAL, "A DO with this identification number has already been issued."),
    UNKNOWN_DECLARATION("CC-5107", Use.LOCAL, "No DO with this identification number is held here."),

    // 52xx: verification inquiries between officials (a range of their own, apart from the CO rules).
    UNKNOWN_INQUIRY("CC-5201", Use.ACK, "The answer refers to a verification inquiry that was not asked of this side by this partner."),
    INQUIRY_ALREADY_ANSWERED("CC-5202", Use.ACK, "The verification inquiry has already been answered; an inquiry has one answer."),
    INQUIRY_ID_REUSED("CC-5203", Use.ACK, "This inquiry ID was already used for another verification inquiry."),
    INQUIRY_CERTIFICATE_MISMATCH("CC-5204", Use.ACK, "The answer names another CO than the inquiry it answers."),

    // 53xx: the local interface's clients, scopes and notifications.
    LOCAL_SCOPE_MISSING("CC-5301", Use.LOCAL, "The client's credential does not carry the scope this call needs; the answer names it."),
    LOCAL_BAD_USER("CC-5302", Use.LOCAL, "The user ID header is malformed: 1 to 128 printable characters, no spaces at either end."),
    UNKNOWN_EVENT_CURSOR("CC-5303", Use.LOCAL, "The events cursor is not an event ID this gateway issued."),

    // 6xxx: outbound delivery and operations (raised by the watchdog).
    RETRIES_EXHAUSTED("CC-6001", Use.LOG, "A message could not be delivered by the last retry; it waits for manual resend."),
    PARTNER_REJECTED("CC-6002", Use.LOG, "A partner rejected a message we sent; its reasons are kept with the message."),
    MESSAGE_STUCK("CC-6003", Use.LOG, "A message or CO has waited in a transient state for longer than the alert threshold."),
    CERTIFICATE_EXPIRING("CC-6004", Use.LOG, "An own or partner certificate expires within the warning period, or has expired."),
    OUTCOME_NOT_APPLIED("CC-6005", Use.LOG,
            "A delivery outcome could not be applied to its CO or inquiry; the attempt is recorded and the message settled, the CO left as it was."),
    AUDIT_CHECKPOINT_FAILED("CC-6030", Use.LOG, "The head of the audit chain could not be signed into the checkpoint file; the next pass retries."),
    CRL_EXPIRING("CC-6020", Use.LOG, "A CA's CRL reaches its nextUpdate within a day, or has passed it: fetch the CA's new CRL."),
    INQUIRY_UNANSWERED("CC-6101", Use.LOG, "A verification inquiry has stayed unanswered for longer than the alert threshold."),

    // 7xxx: the local interface, answering our own issuing and customs systems.
    LOCAL_UNAUTHORIZED("CC-7001", Use.LOCAL, "The request to the local interface carries no valid bearer token."),
    LOCAL_BAD_REQUEST("CC-7002", Use.LOCAL,
            "The local interface does not understand the request: path, method, content type or JSON body."),
    LOCAL_INVALID_FIELD("CC-7003", Use.LOCAL, "A field of the request is missing or malformed."),
    UNKNOWN_MESSAGE("CC-7004", Use.LOCAL, "No message with this ID is in the outbox."),
    ALREADY_DELIVERED("CC-7005", Use.LOCAL, "The message has been delivered; there is nothing to resend."),
    PARTNER_LOOKUP_FAILED("CC-7010", Use.LOCAL,
            "The partner's gateway could not be asked, or refused the verification lookup; see the gateway's log."),
    RESEND_NOT_POSSIBLE("CC-7011", Use.LOCAL, "The message cannot be resent while its CO is in its current state."),
    CONTENT_ERASED("CC-7012", Use.LOCAL, "The message's content has been erased by retention; it cannot be resent."),

    // 8xxx: tamper evidence and local security.
    AUDIT_CHAIN_BROKEN("CC-8001", Use.LOCAL, "audit-verify: a record of the audit chain is missing, altered, re-linked or back-dated, or the chain does not end at its head."),
    AUDIT_CHECKPOINT_MISMATCH("CC-8002", Use.LOCAL, "audit-verify: the chain does not reach a signed checkpoint with the same hash (rewritten or truncated)."),
    AUDIT_CHECKPOINT_UNSIGNED("CC-8003", Use.LOCAL, "audit-verify: a checkpoint is not signed by the given signing certificate, is out of order, or none covers the chain."),
    CO_NUMBER_AMBIGUOUS("CC-8004", Use.LOCAL, "Two partners of the CO's issuing country sent a CO with this number; it cannot be told apart by number alone."),
    KEYSTORE_MISSING("CC-8005", Use.LOCAL, "A configured keystore does not exist and this configuration does not generate demo keys."),

    // 81xx: alert mails.
    ALERT_MAIL_FAILED("CC-8101", Use.LOG, "Alert mails could not be handed to the SMTP server; the alerts stay in the database and the log."),

    // 9xxx: our side. The sender should retry later.
    INTERNAL_ERROR("CC-9001", Use.FAULT, "The gateway could not process the message now; retry later."),
    NOT_SERVING("CC-9005", Use.FAULT, "The gateway is starting or stopping and serves no request now; retry later."),
    GATEWAY_BUSY("CC-9006", Use.FAULT,
            "The gateway holds as many request bodies in flight as it can, from all partners together; retry later."),
    ACK_DIGEST_MISMATCH("CC-9101", Use.LOG,
            "A partner's acknowledgement states the digest of another payload than the one we sent: not a delivery; the attempt counts as failed and is retried, its evidence kept."),
    EVIDENCE_NOT_FOUND("CC-9102", Use.LOCAL, "evidence: no message, attempt or rejection with this message ID is held.");

    /** Where a code appears. */
    public enum Use {
        /** In the problems list of an acknowledgement. */
        ACK,
        /** As the text of a SOAP fault. */
        FAULT,
        /** In our log and alerts only; the partner sees the generic code. */
        LOG,
        /** Answers to our own officers and systems through the local interface. */
        LOCAL
    }

    private final String code;
    private final Use use;
    private final String meaning;

    ErrorCode(String code, Use use, String meaning) {
        this.code = code;
        this.use = use;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public Use use() {
        return use;
    }

    public String meaning() {
        return meaning;
    }

    /** The error code with this stable string form, e.g. "CC-2001". */
    public static java.util.Optional<ErrorCode> fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** The code and meaning as shown to a partner, e.g. {@code CC-2001 The payload does not ...}. */
    public String partnerText() {
        return code + " " + meaning;
    }
}
