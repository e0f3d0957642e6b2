package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local interface's OpenAPI document (docs/local-api.openapi.yaml): valid OpenAPI 3, served by the
 * gateway exactly as committed, and describing exactly the routes the JAX-RS resources serve.
 */
class LocalApiDocumentIT {

    static final Path COMMITTED = Path.of("docs", "local-api.openapi.yaml");

    @TempDir
    static Path dir;
    static Gateway kr;
    static LocalHttp http;

    @BeforeAll
    static void start() {
        kr = TestGateways.start(TestGateways.configs(dir).get(0));
        http = new LocalHttp(kr);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    @Test
    void theGatewayServesTheCommittedDocument() throws IOException {
        var reply = http.get("/openapi.yaml");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), reply.body());
    }

    @Test
    void theDocumentIsServedOnlyWithTheToken() {
        var reply = http.post("/openapi.yaml", "application/json", "", Optional.empty());

        assertEquals(401, reply.status());
        assertEquals(List.of("CC-7001"), reply.codes());
    }

    @Test
    void theDocumentIsValidOpenApi3() throws IOException {
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(Files.readString(COMMITTED, StandardCharsets.UTF_8), null,
                options);

        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theDocumentListsExactlyTheRoutesTheResourcesServe() throws IOException {
        OpenAPI document = new OpenAPIV3Parser().readContents(Files.readString(COMMITTED, StandardCharsets.UTF_8),
                null, new ParseOptions()).getOpenAPI();
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> served = new TreeSet<>();
        LocalRoutes.all().forEach(route -> served.add(route.method() + " " + route.template()));

        assertEquals(served, documented);
    }

    @Test
    void theDocumentNamesTheScopeEachRouteNeeds() throws IOException {
        OpenAPI document = new OpenAPIV3Parser().readContents(Files.readString(COMMITTED, StandardCharsets.UTF_8),
                null, new ParseOptions()).getOpenAPI();
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                documented.add(method.name() + " " + path + " " + (operation.getExtensions() == null ? null
                        : operation.getExtensions().get("x-scope")))));
        Set<String> served = new TreeSet<>();
        LocalRoutes.all().forEach(route -> served.add(route.method() + " " + route.template() + " " + route.scope()));

        assertEquals(served, documented);
    }

    @Test
    void everyRouteTheResourcesDeclareIsServed() {
        for (var route : LocalRoutes.all()) {
            String path = route.template().replace("{country}", "KR").replace("{number}", "KR-NEVER")
                    .replace("{version}", "1").replace("{inquiryId}", UUID.randomUUID().toString())
                    .replace("{messageId}", "none").replace("{exporterId}", "none").replace("{change}", "denial");
            var reply = route.method().equals("GET") ? http.get(path) : http.postJson(path, "{}");

            assertNotEquals(405, reply.status(), route + ": " + reply.body());
            if (reply.status() == 404) {
                assertNotEquals(List.of("CC-7002"), reply.codes(), route + " is not served: " + reply.body());
            }
        }
    }

    @Test
    void everyJaxRsResourceOfThePackageIsAmongTheRoutesChecked() throws Exception {
        Set<String> annotated = new TreeSet<>();
        try (var classes = Files.list(Path.of("target", "classes", "org", "coconnect", "ws", "local"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                if (Class.forName("org.coconnect.ws.local." + name).isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    annotated.add(name);
                }
            }
        }

        assertEquals(annotated, new TreeSet<>(LocalRoutes.RESOURCES.stream().map(Class::getSimpleName).toList()));
    }
}
