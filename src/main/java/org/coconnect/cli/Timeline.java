package org.coconnect.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints what each side did and saw, one line per event, in order. */
final class Timeline {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final PrintStream out;
    private final Clock clock;

    Timeline(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void chapter(String title) {
        out.println();
        out.println("== " + title);
    }

    void event(String side, String text) {
        out.printf("%s  %-8s %s%n", TIME.format(clock.instant()), side, text);
    }
}
