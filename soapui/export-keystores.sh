#!/usr/bin/env bash
# Exports the demo KR-KCS keys as the JKS keystores the SoapUI project uses (password: changeit).
# SoapUI 5.x's WS-Security (WSS4J 1.6) cannot read PKCS#12 keystores on Java 17; JKS works.
# Run from the repository root after the demo has generated keystores/kr/ (see docs/conformance.md).
# The real keystore password reaches keytool through the environment (-srcstorepass:env), never on its
# command line, where any user of the host could read it in the process list. The exported keystores hold
# private keys: they are written readable by their owner only.
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."
src=keystores/kr
if [ -z "${COCONNECT_KEYSTORE_PASSWORD:-}" ]; then
  COCONNECT_KEYSTORE_PASSWORD="$(cat "$src/password")"
fi
export COCONNECT_KEYSTORE_PASSWORD
# The SoapUI keystores' own password is the well-known demo one; it too goes through the environment.
export SOAPUI_KEYSTORE_PASSWORD=changeit
out=soapui
rm -f "$out"/kr-signing.jks "$out"/kr-encryption.jks "$out"/kr-tls.jks "$out"/kr-partners.jks
export_key() { # alias, destination
  keytool -importkeystore -noprompt -srckeystore "$src/own.p12" -srcstoretype PKCS12 \
    -srcstorepass:env COCONNECT_KEYSTORE_PASSWORD -srcalias "$1" -destkeystore "$2" -deststoretype JKS \
    -deststorepass:env SOAPUI_KEYSTORE_PASSWORD -destkeypass:env SOAPUI_KEYSTORE_PASSWORD 2>/dev/null
}
export_certificates() { # source store, destination
  keytool -importkeystore -noprompt -srckeystore "$1" -srcstoretype PKCS12 \
    -srcstorepass:env COCONNECT_KEYSTORE_PASSWORD -destkeystore "$2" -deststoretype JKS \
    -deststorepass:env SOAPUI_KEYSTORE_PASSWORD 2>/dev/null
}
export_key signing "$out/kr-signing.jks"          # signs requests
export_key encryption "$out/kr-encryption.jks"    # decrypts acknowledgements (ID encrypts them for this key)
export_key tls "$out/kr-tls.jks"                  # TLS client key: Preferences > SSL Settings
export_certificates "$src/partners.p12" "$out/kr-partners.jks"   # ID-DJBC's certificates: encrypt for (id-djbc.encryption), verify (id-djbc.signing)
export_certificates "$src/trust.p12" "$out/kr-partners.jks"      # the demo CA
echo "Wrote $out/kr-signing.jks, $out/kr-encryption.jks, $out/kr-tls.jks and $out/kr-partners.jks (password: changeit)"
