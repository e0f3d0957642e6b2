#!/usr/bin/env bash
# Exports the demo KR-KCS keys as the JKS keystores the SoapUI project uses (password: changeit).
# SoapUI 5.x's WS-Security (WSS4J 1.6) cannot read PKCS#12 keystores on Java 17; JKS works.
# Run from the repository root after the demo has generated keystores/kr/ (see docs/conformance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
src=keystores/kr
pass="${COCONNECT_KEYSTORE_PASSWORD:-$(cat "$src/password")}"
out=soapui
rm -f "$out"/kr-signing.jks "$out"/kr-encryption.jks "$out"/kr-tls.jks "$out"/kr-partners.jks
export_key() { # alias, destination
  keytool -importkeystore -noprompt -srckeystore "$src/own.p12" -srcstoretype PKCS12 -srcstorepass "$pass" \
    -srcalias "$1" -destkeystore "$2" -deststoretype JKS -deststorepass changeit -destkeypass changeit 2>/dev/null
}
export_certificates() { # source store, destination
  keytool -importkeystore -noprompt -srckeystore "$1" -srcstoretype PKCS12 -srcstorepass "$pass" \
    -destkeystore "$2" -deststoretype JKS -deststorepass changeit 2>/dev/null
}
export_key signing "$out/kr-signing.jks"          # signs requests
export_key encryption "$out/kr-encryption.jks"    # decrypts acknowledgements (ID encrypts them for this key)
export_key tls "$out/kr-tls.jks"                  # TLS client key: Preferences > SSL Settings
export_certificates "$src/partners.p12" "$out/kr-partners.jks"   # ID-DJBC's certificates: encrypt for (id-djbc.encryption), verify (id-djbc.signing)
export_certificates "$src/trust.p12" "$out/kr-partners.jks"      # the demo CA
echo "Wrote $out/kr-signing.jks, $out/kr-encryption.jks, $out/kr-tls.jks and $out/kr-partners.jks (password: changeit)"
