package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;

/** Routes for what the gateway keeps: the journal of messages exchanged; see docs/local-api.openapi.yaml. */
@Path("/")
public final class RecordResources extends LocalResource {

    private final JournalEndpoints journal;

    RecordResources(JournalEndpoints journal) {
        this.journal = journal;
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("journal")
    public Response journal() {
        return answer(journal.find(request()));
    }
}
