package org.coconnect.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.monitoring.ControlCharacters;

/**
 * A plain-text table whose columns are as wide as their widest cell; an absent value shows as "-", and control
 * characters in a cell (line breaks, escape sequences) show escaped, so a cell never breaks the table.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... headings) {
        rows.add(headings);
    }

    Table row(Object... cells) {
        var row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "-" : escape(cells[i].toString());
        }
        rows.add(row);
        return this;
    }

    /** Partner-controlled text on one line, its control characters shown escaped rather than acting on the terminal. */
    static String escape(String text) {
        return ControlCharacters.escape(text);
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
