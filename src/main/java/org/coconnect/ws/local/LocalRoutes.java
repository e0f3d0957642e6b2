package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes the local interface's resources serve, read from their JAX-RS annotations: what a 405 lists
 * in its Allow header, and what the OpenAPI document must describe (LocalApiDocumentIT checks it).
 */
public final class LocalRoutes {

    /** Every resource class the local interface publishes. */
    public static final List<Class<? extends LocalResource>> RESOURCES = List.of(CertificateResources.class,
            DeclarationResources.class, OperationsResources.class, ReloadResources.class, RecordResources.class);

    /** One route: GET or POST, its path template such as /certificates/{country}/{number}/{version}, its scope or null. */
    public record Route(String method, String template, String scope) {
        boolean matches(String path) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return Pattern.matches(regex, path);
        }
    }

    private static final List<Route> ALL = read();

    private LocalRoutes() {
    }

    public static List<Route> all() {
        return ALL;
    }

    /** The methods served at a path (percent-encoded, as sent), in the order GET, POST. */
    static Set<String> methodsAt(String path) {
        String normal = "/" + path.replaceAll("^/+|/+$", "");
        var methods = new TreeSet<String>();
        ALL.stream().filter(r -> r.matches(normal)).forEach(r -> methods.add(r.method()));
        return methods;
    }

    private static List<Route> read() {
        var routes = new ArrayList<Route>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = method.isAnnotationPresent(GET.class) ? "GET"
                        : method.isAnnotationPresent(POST.class) ? "POST" : null;
                RequiresScope scope = method.getAnnotation(RequiresScope.class);
                if (path != null && verb != null) {
                    routes.add(new Route(verb, "/" + path.value(), scope == null ? null : scope.value().label()));
                }
            }
        }
        return List.copyOf(routes);
    }
}
