package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.Set;
import org.coconnect.client.CallbackWorker;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Notifications;
import org.coconnect.exchange.RejectionException;

/** GET /events?after=: the events after a given one, oldest first, for systems that cannot receive callbacks. */
final class EventEndpoints {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private final Notifications notifications;

    EventEndpoints(Notifications notifications) {
        this.notifications = notifications;
    }

    LocalResponse after(LocalRequest request) {
        var fields = RequestFields.query(request.query(Set.of("after", "limit")));
        String after = fields.identifier("after", false);
        int limit = fields.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        fields.check();
        // Events published meanwhile are included at once, without waiting for the callback pass.
        notifications.feed();
        var events = notifications.after(after, limit).orElseThrow(() -> new RejectionException(Problem.error(
                ErrorCode.UNKNOWN_EVENT_CURSOR, "No event " + after + " was issued here; start without 'after'.",
                "query after")));
        var json = new LinkedHashMap<String, Object>();
        json.put("events", events.stream().map(CallbackWorker::json).toList());
        json.put("last", events.isEmpty() ? after : events.get(events.size() - 1).eventId());
        return LocalResponse.of(200, json);
    }
}
