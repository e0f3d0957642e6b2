package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.coconnect.domain.Operation;
import org.coconnect.ws.VerifyEndpoint;
import org.junit.jupiter.api.Test;

/**
 * docs/partner-json-api.openapi.yaml is valid OpenAPI 3.1, has a POST for each of the nine operations (the
 * eight pushes of Operation and verify-co) and names, for each body, a committed JSON Schema.
 */
class PartnerJsonApiDocumentTest {

    static final Path DOCUMENT = Path.of("docs", "partner-json-api.openapi.yaml");

    @Test
    void theDocumentIsValidAndServesEveryOperationWithItsCommittedSchema() throws Exception {
        var result = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT, StandardCharsets.UTF_8), null,
                new ParseOptions());
        assertEquals(List.of(), result.getMessages());
        var api = result.getOpenAPI();
        assertNotNull(api);
        var expected = new TreeSet<String>();
        for (Operation operation : Operation.values()) {
            expected.add("/" + operation.pathName());
        }
        expected.add("/" + VerifyEndpoint.PATH);
        var posts = new TreeSet<String>();
        var missing = new ArrayList<String>();
        api.getPaths().forEach((path, item) -> {
            if (item.getPost() == null) {
                return;
            }
            posts.add(path);
            var body = item.getPost().getRequestBody().getContent().get("application/jose");
            var answer = item.getPost().getResponses().get("200").getContent().get("application/jose");
            for (var media : List.of(body, answer)) {
                Object schema = media.getExtensions() == null ? null : media.getExtensions().get("x-coconnect-payload-schema");
                if (schema == null || !Files.exists(DOCUMENT.getParent().resolve(schema.toString()))) {
                    missing.add(path + ": " + schema);
                }
            }
        });
        assertEquals(expected, posts);
        assertTrue(missing.isEmpty(), missing.toString());
    }
}
