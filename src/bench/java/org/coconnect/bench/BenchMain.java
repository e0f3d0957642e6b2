package org.coconnect.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code coconnect-bench}: the benchmark and the durability storm. Built from src/bench/java, outside the
 * production jar and release, so the gateway's own command line knows nothing of them (docs/benchmarks.md).
 */
@Command(name = "coconnect-bench", mixinStandardHelpOptions = true,
        description = "The CoConnect gateway's benchmark and durability storm (not part of the release).",
        subcommands = {BenchCommand.class, SoakCommand.class, MicroCommand.class, H2LockProbeCommand.class})
public final class BenchMain implements Runnable {

    /** The main class ChildJvm starts for the parts of the benchmark that run in a JVM of their own. */
    static final String CLASS_NAME = BenchMain.class.getName();

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new BenchMain())
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)).execute(args));
    }
}
