package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;

/** Routes for what the gateway keeps: the journal of messages exchanged, whole COs and events; see docs/local-api.openapi.yaml. */
@Path("/")
public final class RecordResources extends LocalResource {

    private final JournalEndpoints journal;
    private final DossierEndpoints dossiers;

    private final EventEndpoints events;

    RecordResources(JournalEndpoints journal, DossierEndpoints dossiers, EventEndpoints events) {
        this.journal = journal;
        this.dossiers = dossiers;
        this.events = events;
    }

    /** Events after a given one, for systems that poll instead of receiving callbacks. */
    @GET
    @RequiresScope(LocalScope.READ)
    @Path("events")
    public Response events() {
        return answer(events.after(request()));
    }

    /** The whole CO: every version with its history and content, claims, inquiries and messages. */
    @GET
    @RequiresScope(LocalScope.READ)
    @Path("certificates/{country}/{number}")
    public Response dossier(@PathParam("country") String country, @PathParam("number") String number) {
        return answer(dossiers.find(request(), country, number));
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("journal")
    public Response journal() {
        return answer(journal.find(request()));
    }
}
