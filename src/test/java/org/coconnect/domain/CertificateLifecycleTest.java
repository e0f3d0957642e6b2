package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateLifecycleTest {

    @Test
    void anIssuedCoIsSentAcknowledgedCancelledAndSuperseded() {
        var s = CertificateState.ISSUED;
        s = CertificateLifecycle.apply(s, CertificateEvent.START_DELIVERY);
        s = CertificateLifecycle.apply(s, CertificateEvent.CONFIRM_DELIVERY);
        s = CertificateLifecycle.apply(s, CertificateEvent.REQUEST_CANCELLATION);
        s = CertificateLifecycle.apply(s, CertificateEvent.ACCEPT_CANCELLATION);
        assertEquals(CertificateState.SUPERSEDED, CertificateLifecycle.apply(s, CertificateEvent.SUPERSEDE));
    }

    @Test
    void aDeclinedCancellationLeavesTheCoValid() {
        assertEquals(CertificateState.ACKNOWLEDGED,
                CertificateLifecycle.apply(CertificateState.CANCELLATION_REQUESTED, CertificateEvent.DECLINE_CANCELLATION));
    }

    @Test
    void aClaimedCoCannotBeCancelledOnlyDeclined() {
        assertEquals(CertificateState.CLAIMED,
                CertificateLifecycle.apply(CertificateState.CLAIMED, CertificateEvent.NOTIFY_CANCELLATION));
        assertTrue(CertificateLifecycle.next(CertificateState.CLAIMED, CertificateEvent.CONFIRM_CANCELLATION).isEmpty());
    }

    @Test
    void aCancelledCoTakesNoMoreClaimsOrFeedback() {
        assertThrows(InvalidTransitionException.class,
                () -> CertificateLifecycle.apply(CertificateState.CANCELLED, CertificateEvent.CLAIM));
        assertThrows(InvalidTransitionException.class,
                () -> CertificateLifecycle.apply(CertificateState.CANCELLED, CertificateEvent.REPORT_TREATMENT));
    }

    @Test
    void aRejectedOrFailedDeliveryStartsAgainOnlyByResendAndALateAcknowledgementStillCounts() {
        for (CertificateState settled : EnumSet.of(CertificateState.DELIVERY_REJECTED, CertificateState.DELIVERY_FAILED)) {
            assertEquals(CertificateState.SENT, CertificateLifecycle.apply(settled, CertificateEvent.START_DELIVERY));
            assertEquals(CertificateState.ACKNOWLEDGED, CertificateLifecycle.apply(settled, CertificateEvent.CONFIRM_DELIVERY));
            assertThrows(InvalidTransitionException.class, () -> CertificateLifecycle.apply(settled, CertificateEvent.FAIL_DELIVERY));
        }
    }

    /** No transition leads from one side's state to the other side's. */
    @ParameterizedTest
    @EnumSource(CertificateState.class)
    void transitionsStayOnTheirSide(CertificateState from) {
        for (CertificateEvent event : CertificateEvent.values()) {
            CertificateLifecycle.next(from, event).ifPresent(to -> {
                if (from.side() != null && to.side() != null) {
                    assertEquals(from.side(), to.side(), from + " --" + event + "--> " + to);
                }
            });
        }
    }

    @Test
    void everyStateButTheFinalOnesHasAWayOut() {
        Set<CertificateState> terminal = EnumSet.of(CertificateState.SUPERSEDED);
        for (CertificateState s : CertificateState.values()) {
            boolean hasExit = false;
            for (CertificateEvent e : CertificateEvent.values()) {
                hasExit |= CertificateLifecycle.next(s, e).filter(to -> to != s).isPresent();
            }
            assertEquals(!terminal.contains(s) && s != CertificateState.TREATMENT_GRANTED
                    && s != CertificateState.TREATMENT_REJECTED, hasExit, s.name());
        }
    }

    /** Every (state, event) pair outside the table is refused: the table is the whole truth. */
    @ParameterizedTest
    @EnumSource(CertificateState.class)
    void everyTransitionOutsideTheTableIsRefused(CertificateState from) {
        var allowed = java.util.Map.of(
                CertificateState.ISSUED, EnumSet.of(CertificateEvent.START_DELIVERY),
                CertificateState.SENT, EnumSet.of(CertificateEvent.CONFIRM_DELIVERY, CertificateEvent.REFUSE_DELIVERY,
                        CertificateEvent.FAIL_DELIVERY),
                CertificateState.DELIVERY_FAILED, EnumSet.of(CertificateEvent.START_DELIVERY, CertificateEvent.CONFIRM_DELIVERY),
                CertificateState.DELIVERY_REJECTED, EnumSet.of(CertificateEvent.START_DELIVERY, CertificateEvent.CONFIRM_DELIVERY),
                CertificateState.ACKNOWLEDGED, EnumSet.of(CertificateEvent.REQUEST_CANCELLATION, CertificateEvent.REPORT_TREATMENT),
                CertificateState.CANCELLATION_REQUESTED, EnumSet.of(CertificateEvent.ACCEPT_CANCELLATION,
                        CertificateEvent.DECLINE_CANCELLATION, CertificateEvent.REPORT_TREATMENT),
                CertificateState.CANCELLED, EnumSet.of(CertificateEvent.SUPERSEDE),
                CertificateState.RECEIVED, EnumSet.of(CertificateEvent.NOTIFY_CANCELLATION, CertificateEvent.CLAIM),
                CertificateState.CANCELLATION_NOTIFIED, EnumSet.of(CertificateEvent.CONFIRM_CANCELLATION,
                        CertificateEvent.REFUSE_CANCELLATION),
                CertificateState.CLAIMED, EnumSet.of(CertificateEvent.NOTIFY_CANCELLATION, CertificateEvent.REFUSE_CANCELLATION,
                        CertificateEvent.GRANT_TREATMENT, CertificateEvent.REJECT_TREATMENT));
        Set<CertificateEvent> ok = new java.util.HashSet<>(allowed.getOrDefault(from, EnumSet.noneOf(CertificateEvent.class)));
        if (from == CertificateState.TREATMENT_GRANTED || from == CertificateState.TREATMENT_REJECTED) {
            ok.addAll(EnumSet.of(CertificateEvent.NOTIFY_CANCELLATION, CertificateEvent.REFUSE_CANCELLATION));
        }
        for (CertificateEvent event : CertificateEvent.values()) {
            if (ok.contains(event)) {
                assertTrue(CertificateLifecycle.next(from, event).isPresent(), from + " allows " + event);
            } else {
                assertThrows(InvalidTransitionException.class, () -> CertificateLifecycle.apply(from, event),
                        from + " must refuse " + event);
            }
        }
    }
}
