package org.coconnect.exchange;

import java.time.Duration;
import java.time.Instant;
import org.coconnect.domain.AdministrationId;

/** What the content rules of an inbound message are judged against: who sent it, who we are, and when. */
record RuleContext(AdministrationId sender, AdministrationId self, Instant now, Duration allowedSkew) {
}
