package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image as a runtime would start it, read from the tarball {@code mvn package -Pimage} builds
 * (docs/release.md, Container image): runs only in that profile, which names the tarball.
 */
class ContainerImageIT {

    @TempDir
    Path dir;
    private Path image;
    private String config;

    @BeforeEach
    void readTheImageConfiguration() throws Exception {
        String tarball = System.getProperty("coconnect.image.tar");
        assumeTrue(tarball != null && !tarball.isBlank(), "only with -Pimage, which builds the image tarball");
        image = Path.of(tarball);
        assertTrue(Files.isRegularFile(image), "the image tarball " + image + " was built");
        config = untar(image, "config.json");
    }

    @Test
    void itRunsTheReleaseLauncherAsANonRootUser() {
        assertTrue(config.contains("\"Entrypoint\":[\"/opt/coconnect/bin/coconnect\",\"serve\"]"), config);
        var user = Pattern.compile("\"User\":\"(\\d+)(:\\d+)?\"").matcher(config);
        assertTrue(user.find(), "a numeric user is set: " + config);
        assertTrue(Integer.parseInt(user.group(1)) != 0, "the user is not root: " + user.group());
        assertTrue(config.contains("\"WorkingDir\":\"/var/lib/coconnect\""), config);
        assertTrue(config.contains("\"COCONNECT_CONF=/etc/coconnect\""), config);
    }

    @Test
    void itExposesThePartnerAndPortalPortsAndDeclaresItsVolumes() {
        for (String port : List.of("\"8443/tcp\"", "\"8444/tcp\"")) {
            assertTrue(config.contains(port), port + " in " + config);
        }
        for (String volume : List.of("\"/etc/coconnect\"", "\"/var/lib/coconnect/keystores\"", "\"/var/lib/coconnect/data\"")) {
            assertTrue(config.contains(volume), volume + " in " + config);
        }
    }

    @Test
    void itChecksItsHealthWithTheLauncherThroughTheLocalInterface() {
        var check = Pattern.compile("\"Healthcheck\":\\{\"Test\":\\[\"CMD-SHELL\",\"([^\"]+)\"\\]").matcher(config);
        assertTrue(check.find(), "the image declares a HEALTHCHECK: " + config);
        assertTrue(check.group(1).endsWith("/opt/coconnect/bin/coconnect health"), check.group(1));
        assertTrue(config.contains("\"Retries\":3"), config);
    }

    @Test
    void itCarriesItsOwnRuntimeAndShellBecauseItIsBuiltFromScratch() throws Exception {
        String manifest = untar(image, "manifest.json");
        var layers = Pattern.compile("[0-9a-f]{64}\\.tar\\.gz").matcher(manifest);
        List<String> files = new ArrayList<>();
        while (layers.find()) {
            run(dir, "tar", "-xf", image.toString(), layers.group());
            files.addAll(run(dir, "tar", "-tzf", dir.resolve(layers.group()).toString()).lines().toList());
        }
        for (String file : List.of("opt/java/bin/java", "bin/sh", "lib64/ld-linux-x86-64.so.2", "opt/coconnect/bin/coconnect",
                "etc/passwd", "etc/coconnect/gateway.properties", "opt/coconnect/wsdl/coconnect.wsdl")) {
            assertTrue(files.stream().anyMatch(f -> f.equals(file) || f.equals("./" + file) || f.equals("/" + file)),
                    file + " is in a layer");
        }
        assertTrue(files.stream().anyMatch(f -> f.matches("/?opt/coconnect/app/libs/.*\\.jar")), "the dependencies are layered");
        assertEquals(List.of(), files.stream().filter(f -> f.toLowerCase().contains("greenmail")).toList(),
                "no test mail server (GreenMail) is in the image");
    }

    private static String untar(Path tarball, String entry) throws IOException, InterruptedException {
        return run(tarball.getParent(), "tar", "-xOf", tarball.toString(), entry);
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " ended");
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return output;
    }
}
