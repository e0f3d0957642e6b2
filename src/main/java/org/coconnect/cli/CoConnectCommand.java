package org.coconnect.cli;

import org.coconnect.bench.BenchCommand;
import org.coconnect.bench.SoakCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coconnect} command line: serve, demo and the operator commands, and bench. */
@Command(name = "coconnect", mixinStandardHelpOptions = true, version = "CoConnect gateway 0.1",
        description = "Gateway for the exchange of electronic Certificates of Origin (WCO Interconnectivity Framework).",
        subcommands = {ServeCommand.class, DemoCommand.class, BenchCommand.class, SoakCommand.class, PkiCommand.class,
                HashPasswordCommand.class, AuditVerifyCommand.class, RetentionCommand.class, IssueCommand.class,
                CancelCommand.class, ClaimCommand.class, DecideCommand.class, CertificatesCommand.class,
                DeliveriesCommand.class, ResendCommand.class, AlertsCommand.class, CheckPartnerCommand.class,
                VerifyCommand.class, ExporterCommand.class, DeclarationCommand.class, AskCommand.class,
                AnswerCommand.class, InquiriesCommand.class, InquiryCommand.class})
public final class CoConnectCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new CoConnectCommand()).execute(args));
    }
}
