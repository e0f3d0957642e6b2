package org.coconnect.ws.local;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.coconnect.config.ConfigException;
import org.coconnect.config.LocalScope;
import org.coconnect.config.ReloadOutcome;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;

/** POST /reload: reads the configuration again and applies it without a restart, or refuses it whole (CC-3102). */
@Path("/")
public final class ReloadResources extends LocalResource {

    private final Supplier<ReloadOutcome> reload;

    ReloadResources(Supplier<ReloadOutcome> reload) {
        this.reload = reload;
    }

    @POST
    @Path("reload")
    @RequiresScope(LocalScope.OPERATE)
    public Response reload() {
        ReloadOutcome outcome;
        try {
            outcome = reload.get();
        } catch (ConfigException e) {
            throw new RejectionException(Problem.error(ErrorCode.CONFIGURATION_REFUSED, e.getMessage(), null));
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("partners", outcome.partners());
        json.put("added", outcome.added());
        json.put("removed", outcome.removed());
        json.put("needRestart", outcome.needRestart());
        return answer(LocalResponse.of(200, json));
    }
}
