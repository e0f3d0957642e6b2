package org.coconnect.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.coconnect.Gateway;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.MessageStore;
import org.w3c.dom.Document;

/**
 * What a gateway held just before an attack, and the checks every attack test makes afterwards: no
 * exchanged_message or certificate row was written, exactly the expected alert was raised, and the
 * answer shows the partner nothing of our internals.
 */
public final class GatewaySnapshot {

    /** Signs of a leak in an answer: a qualified Java class name, an exception name or a stack frame. */
    private static final Pattern LEAK = Pattern.compile(
            "(\\b(java|javax|jakarta|org|com|sun)\\.[a-z]+\\.)|Exception|\\bat [a-z]+\\.|\\.java:\\d+");

    private final Gateway gateway;
    private final long lastAlert;
    /** How often each alert had happened: a refusal repeated within its window counts on an existing alert. */
    private final java.util.Map<Long, Integer> occurrences;
    private final long messages;
    private final long certificates;

    private GatewaySnapshot(Gateway gateway) {
        this.gateway = gateway;
        this.lastAlert = lastAlertId(gateway);
        this.occurrences = gateway.database().inTransaction(em -> em.createQuery("select a from AlertEntity a",
                AlertEntity.class).getResultStream().collect(java.util.stream.Collectors.toMap(AlertEntity::id,
                AlertEntity::occurrences)));
        this.messages = messages(gateway);
        this.certificates = certificates(gateway);
    }

    /** Takes the snapshot now, before the attack is sent. */
    public static GatewaySnapshot of(Gateway gateway) {
        return new GatewaySnapshot(gateway);
    }

    /** No exchanged_message and no certificate row was written since the snapshot. */
    public void assertNothingStored() {
        assertEquals(messages, messages(gateway), "an exchanged_message row was written");
        assertEquals(certificates, certificates(gateway), "a certificate row was written");
    }

    /** Exactly one alert was raised since the snapshot, with this code. */
    public void assertAlerted(ErrorCode expected) {
        assertEquals(List.of(expected.code()), alertCodesSince(), "alert codes raised by this attack");
    }

    /**
     * The codes of the alerts raised since the snapshot, oldest alert first: a new alert's code once per
     * occurrence, and an older alert's once per occurrence counted on it since.
     */
    public List<String> alertCodesSince() {
        return occurrencesSince(AlertEntity::code, AlertEntity::code);
    }

    /** The details of the alerts raised since the snapshot, as {@link #alertCodesSince} (our side only, never sent). */
    public List<String> alertDetailsSince() {
        return occurrencesSince(AlertEntity::detail, AlertEntity::lastDetail);
    }

    private List<String> occurrencesSince(java.util.function.Function<AlertEntity, String> first,
                                          java.util.function.Function<AlertEntity, String> repeat) {
        var since = new java.util.ArrayList<String>();
        for (AlertEntity a : gateway.database().inTransaction(em ->
                em.createQuery("select a from AlertEntity a order by a.id", AlertEntity.class).getResultList())) {
            int before = a.id() > lastAlert ? 0 : occurrences.getOrDefault(a.id(), 0);
            for (int n = before; n < a.occurrences(); n++) {
                since.add(n == 0 ? first.apply(a) : repeat.apply(a));
            }
        }
        return since;
    }

    /** The answer names no Java class, exception or stack frame. */
    public static void assertNoInternals(String answer) {
        assertFalse(LEAK.matcher(answer).find(), () -> "the answer leaks internals: " + answer);
    }

    /** The answer, as opened (decrypted) by the test, names no Java class, exception or stack frame. */
    public static void assertNoInternals(Document answer) {
        assertNoInternals(new String(HandMadeEnvelope.serialize(answer), StandardCharsets.UTF_8));
    }

    public static long messages(Gateway gateway) {
        return gateway.database().inTransaction(MessageStore::count);
    }

    public static long certificates(Gateway gateway) {
        return gateway.database().inTransaction(em -> (long) CertificateStore.all(em).size());
    }

    private static long lastAlertId(Gateway gateway) {
        Long max = gateway.database().inTransaction(em ->
                em.createQuery("select max(a.id) from AlertEntity a", Long.class).getSingleResult());
        return max == null ? 0 : max;
    }
}
