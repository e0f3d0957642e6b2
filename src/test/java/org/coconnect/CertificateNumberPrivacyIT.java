package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.security.DemoPki;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two authorities of one country (KR-KCS and KR-KTC) are two partners of ID-DJBC. Neither can learn which CO
 * numbers the other used, nor take one of them over by sending a CO with the same number.
 */
class CertificateNumberPrivacyIT {

    static final AdministrationId KTC = new AdministrationId("KR", "KTC");

    @TempDir
    static Path dir;
    static Gateway id;
    static Gateway kcs;
    static Gateway ktc;

    @BeforeAll
    static void start() {
        int idPort = TestGateways.freePort();
        int kcsPort = TestGateways.freePort();
        int ktcPort = TestGateways.freePort();
        GatewayConfig idConfig = ownKeys(TestGateways.config(TestGateways.ID, idPort, dir.resolve("id"),
                TestGateways.partner(TestGateways.KR, kcsPort), TestGateways.partner(KTC, ktcPort)));
        GatewayConfig kcsConfig = ownKeys(TestGateways.config(TestGateways.KR, kcsPort, dir.resolve("kcs"),
                TestGateways.partner(TestGateways.ID, idPort)));
        GatewayConfig ktcConfig = ownKeys(TestGateways.config(KTC, ktcPort, dir.resolve("ktc"),
                TestGateways.partner(TestGateways.ID, idPort)));
        new DemoPki(dir.resolve("ca")).ensure(List.of(idConfig, kcsConfig, ktcConfig));
        id = TestGateways.start(idConfig);
        kcs = TestGateways.start(kcsConfig);
        ktc = TestGateways.start(ktcConfig);
    }

    /** Each gateway its own keystores under the test directory (the shared test PKI has one per country). */
    private static GatewayConfig ownKeys(GatewayConfig config) {
        Path keys = dir.resolve("keys").resolve(config.selfId());
        return config.withKeystores(new KeystoreConfig(keys.resolve("own.p12"), keys.resolve("partners.p12"),
                keys.resolve("trust.p12"), "test-keystore-password".toCharArray(), true,
                keys.resolve("inbound-credentials"), keys.resolve("outbound-credentials")));
    }

    @AfterAll
    static void stop() {
        for (Gateway g : new Gateway[] {ktc, kcs, id}) {
            if (g != null) g.close();
        }
    }

    private static Acknowledgement sendCo(Gateway from, String number) throws Exception {
        PartnerClient client = from.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                SampleCertificate.create(number, 1, "KR", "ID", 2, Instant.now().minusSeconds(60)));
    }

    private static Acknowledgement notifyCancellation(Gateway from, String number) throws Exception {
        PartnerClient client = from.client(TestGateways.ID_ID);
        return client.sendCancellationNotification(client.newHeader(UUID.randomUUID(), null),
                new CancellationNotification(new CertificateReference("KR", number, 1), "amended", Instant.now()));
    }

    @Test
    void aProbeForAnotherPartnersCoIsAnsweredLikeOneForACoThatDoesNotExist() throws Exception {
        assertEquals(AcknowledgementStatus.ACCEPTED, sendCo(kcs, "KR-PRIVATE-1").status());

        Acknowledgement othersCo = notifyCancellation(ktc, "KR-PRIVATE-1");
        Acknowledgement noCo = notifyCancellation(ktc, "KR-NOWHERE-1");

        assertEquals(AcknowledgementStatus.REJECTED, othersCo.status());
        assertEquals(List.of(ErrorCode.UNKNOWN_CERTIFICATE), othersCo.problems().stream().map(Problem::code).toList());
        assertEquals(noCo.problems().stream().map(p -> p.code() + " " + p.text().replace("KR-NOWHERE-1", "N")
                        + " " + p.location()).toList(),
                othersCo.problems().stream().map(p -> p.code() + " " + p.text().replace("KR-PRIVATE-1", "N")
                        + " " + p.location()).toList());
        assertTrue(StoredRows.certificates(id).stream().anyMatch(c -> c.number().equals("KR-PRIVATE-1")
                && c.state() == CertificateState.RECEIVED), "KCS's CO is untouched");
    }

    @Test
    void twoAuthoritiesOfOneCountryMayUseTheSameCoNumber() throws Exception {
        Acknowledgement fromKcs = sendCo(kcs, "KR-SHARED-7");
        Acknowledgement fromKtc = sendCo(ktc, "KR-SHARED-7");

        assertEquals(AcknowledgementStatus.ACCEPTED, fromKcs.status(), fromKcs.problems()::toString);
        assertEquals(AcknowledgementStatus.ACCEPTED, fromKtc.status(), fromKtc.problems()::toString);
        assertEquals(List.of("KR-KCS", "KR-KTC"), StoredRows.certificates(id).stream()
                .filter(c -> c.number().equals("KR-SHARED-7")).map(CertificateEntity::partnerId).sorted().toList());
        assertEquals(AcknowledgementStatus.ACCEPTED, notifyCancellation(ktc, "KR-SHARED-7").status(),
                "each authority reaches its own CO");
        assertTrue(StoredRows.certificates(id).stream().anyMatch(c -> c.number().equals("KR-SHARED-7")
                && c.partnerId().equals("KR-KCS") && c.state() == CertificateState.RECEIVED), "KCS's CO is untouched");
    }
}
