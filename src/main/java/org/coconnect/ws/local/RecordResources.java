package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;

/** Routes for what the gateway keeps: the journal of messages exchanged and whole COs; see docs/local-api.openapi.yaml. */
@Path("/")
public final class RecordResources extends LocalResource {

    private final JournalEndpoints journal;
    private final DossierEndpoints dossiers;

    RecordResources(JournalEndpoints journal, DossierEndpoints dossiers) {
        this.journal = journal;
        this.dossiers = dossiers;
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
