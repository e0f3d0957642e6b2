package org.coconnect.config;

/**
 * The binding agreed with one partner (framework 4.2.1: "either JSON API or XML"): SOAP with WS-Security,
 * or the JSON API with JWS (and JWE when {@code encrypt}). The same binding serves both directions.
 *
 * @param binding {@code partner.protocol}, soap (default) or json
 * @param encrypt {@code partner.json.encrypt}: JSON bodies both ways are also JWE-encrypted
 */
public record PartnerProtocol(Binding binding, boolean encrypt) {

    /** SOAP, the default: what every partner had before the JSON binding. */
    public static final PartnerProtocol SOAP = new PartnerProtocol(Binding.SOAP, false);

    /** The wire format and message security. */
    public enum Binding { SOAP, JSON }

    /** The JSON API, signed, encrypted when {@code encrypt}. */
    public static PartnerProtocol json(boolean encrypt) {
        return new PartnerProtocol(Binding.JSON, encrypt);
    }

    public boolean isJson() {
        return binding == Binding.JSON;
    }

    static PartnerProtocol read(PropertiesFile file) {
        String value = file.optional("partner.protocol", "soap");
        boolean encrypt = switch (file.optional("partner.json.encrypt", "false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(file.name(), "partner.json.encrypt", "must be true or false");
        };
        return switch (value) {
            case "soap" -> {
                if (encrypt) {
                    throw new ConfigException(file.name(), "partner.json.encrypt", "applies only to partner.protocol=json");
                }
                yield SOAP;
            }
            case "json" -> json(encrypt);
            default -> throw new ConfigException(file.name(), "partner.protocol", "must be soap or json, not '" + value + "'");
        };
    }
}
