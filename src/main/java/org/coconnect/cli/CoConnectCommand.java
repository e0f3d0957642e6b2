package org.coconnect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coconnect} command line: serve, demo and the operator commands (the benchmark is src/bench's). */
@Command(name = "coconnect", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Gateway for the exchange of electronic Certificates of Origin (WCO Interconnectivity Framework).",
        subcommands = {ServeCommand.class, DemoCommand.class, PkiCommand.class,
                HashPasswordCommand.class, AuditVerifyCommand.class, RetentionCommand.class, IssueCommand.class,
                CancelCommand.class, ClaimCommand.class, DecideCommand.class, CertificatesCommand.class,
                DeliveriesCommand.class, ResendCommand.class, AlertsCommand.class, CheckPartnerCommand.class,
                VerifyCommand.class, ExporterCommand.class, DeclarationCommand.class, AskCommand.class,
                AnswerCommand.class, InquiriesCommand.class, InquiryCommand.class, EvidenceCommand.class,
                ReloadCommand.class, JournalCommand.class, LocalClientCommand.class, HealthCommand.class})
public final class CoConnectCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        // Escape sequences reach the terminal from nowhere: neither from what partners sent nor as picocli's colours.
        System.setOut(new java.io.PrintStream(new TerminalSafeStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)),
                true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new TerminalSafeStream(new java.io.FileOutputStream(java.io.FileDescriptor.err)),
                true, java.nio.charset.StandardCharsets.UTF_8));
        var commandLine = new CommandLine(new CoConnectCommand())
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setDefaultValueProvider(new ConfDirectoryDefault(System.getenv()));
        System.exit(commandLine.execute(args));
    }

    /** The installed launcher names the configuration directory in COCONNECT_CONF: the default of every --conf. */
    static final class ConfDirectoryDefault implements CommandLine.IDefaultValueProvider {

        private final String confDirectory;

        ConfDirectoryDefault(java.util.Map<String, String> environment) {
            String value = environment.get("COCONNECT_CONF");
            this.confDirectory = value == null || value.isBlank() ? null : value;
        }

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            boolean isConf = argSpec instanceof CommandLine.Model.OptionSpec option && option.longestName().equals("--conf");
            // null keeps the option's own default ("conf", relative to the working directory).
            return isConf ? confDirectory : null;
        }
    }
}
