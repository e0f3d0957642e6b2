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
    void aRejectedDeliveryIsNeverRetried() {
        assertTrue(CertificateLifecycle.next(CertificateState.DELIVERY_REJECTED, CertificateEvent.START_DELIVERY).isEmpty());
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
        Set<CertificateState> terminal = EnumSet.of(CertificateState.SUPERSEDED, CertificateState.DELIVERY_REJECTED);
        for (CertificateState s : CertificateState.values()) {
            boolean hasExit = false;
            for (CertificateEvent e : CertificateEvent.values()) {
                hasExit |= CertificateLifecycle.next(s, e).filter(to -> to != s).isPresent();
            }
            assertEquals(!terminal.contains(s) && s != CertificateState.TREATMENT_GRANTED
                    && s != CertificateState.TREATMENT_REJECTED, hasExit, s.name());
        }
    }
}
