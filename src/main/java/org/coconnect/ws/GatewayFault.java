package org.coconnect.ws;

import org.coconnect.error.ErrorCode;

/** A refusal that ends as a SOAP fault carrying one of our error codes, with no internal detail. */
public class GatewayFault extends RuntimeException {
    private final ErrorCode code;
    private final ErrorCode partnerCode;

    /**
     * @param code        the specific code, for our log and alert
     * @param partnerCode the code the partner sees (the generic security code for security refusals)
     * @param detail      internal detail, never sent to the partner
     */
    public GatewayFault(ErrorCode code, ErrorCode partnerCode, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.partnerCode = partnerCode;
    }

    public GatewayFault(ErrorCode code, String detail) {
        this(code, code, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCode partnerCode() {
        return partnerCode;
    }
}
