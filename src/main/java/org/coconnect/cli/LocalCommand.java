package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.security.GatewayKeys;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An operator command that asks a running gateway through its local interface. Exit code 0 when
 * done, 1 when the gateway refused (each problem is printed with its code), 2 for a usage or
 * configuration error or an unreachable gateway.
 */
abstract class LocalCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int CONFIGURATION = 2;

    @Option(names = "--conf", defaultValue = "conf",
            description = "Configuration directory of the running gateway, for local.port and local.token.file "
                    + "(default: ${DEFAULT-VALUE}).")
    Path conf;

    @Spec
    CommandSpec spec;

    /** Sends this command's request. */
    abstract LocalClient.Answer send(LocalClient client) throws IOException, InterruptedException;

    /** Prints a successful answer readably. */
    abstract void print(Map<String, Object> answer, PrintWriter out);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalApiConfig config;
        try {
            config = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).localApi(conf);
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return CONFIGURATION;
        }
        if (!config.enabled()) {
            err.println("Configuration error: the local interface is disabled (local.port=0) in "
                    + conf.resolve("gateway.properties"));
            return CONFIGURATION;
        }
        LocalClient client;
        try {
            client = new LocalClient(config, config.tls() ? GatewayKeys.load(new ConfigLoader(Path.of("")
                    .toAbsolutePath(), System.getenv()).load(conf).keystores()).tlsCertificate() : null);
        } catch (ConfigException | java.security.GeneralSecurityException | IllegalStateException e) {
            err.println("Configuration error: the gateway's TLS certificate, which the CLI trusts alone, cannot be "
                    + "read: " + e.getMessage());
            return CONFIGURATION;
        }
        LocalClient.Answer answer;
        try {
            answer = send(client);
        } catch (IOException e) {
            err.println("Cannot reach the gateway's local interface at " + client.base() + ": " + describe(e)
                    + ". Is the gateway running (coconnect serve --conf " + conf + ")?");
            return CONFIGURATION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CONFIGURATION;
        }
        return answered(answer, out, err);
    }

    /** Prints the gateway's answer and gives the exit code: 0 when done, {@link #REFUSED} otherwise. */
    int answered(LocalClient.Answer answer, PrintWriter out, PrintWriter err) {
        if (answer.ok()) {
            print(answer.object(), out);
            out.flush();
            return 0;
        }
        printRefusal(answer, err);
        return REFUSED;
    }

    private static void printRefusal(LocalClient.Answer answer, PrintWriter err) {
        err.println("Refused (HTTP " + answer.status() + "):");
        if (!(answer.object().get("problems") instanceof List<?> problems)) {
            err.println("  " + answer.body().strip());
            err.flush();
            return;
        }
        for (Object p : problems) {
            Map<?, ?> problem = p instanceof Map<?, ?> m ? m : Map.of();
            Object location = problem.get("location");
            err.println("  " + problem.get("code") + " " + problem.get("severity") + "  " + problem.get("text")
                    + (location == null ? "" : "  (at " + location + ")"));
        }
        err.flush();
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A value from an answer as text, or null. */
    static String text(Map<String, Object> answer, String name) {
        Object value = answer.get(name);
        return value == null ? null : value.toString();
    }
}
