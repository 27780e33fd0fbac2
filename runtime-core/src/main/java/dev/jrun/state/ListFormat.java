package dev.jrun.state;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The three outputs of {@code list}, as runc prints them. The owner column is
 * {@link ContainerState#owner()}, the user owning the container's state directory.
 */
public final class ListFormat {

    private static final String[] HEADER = {"ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"};

    /** runc's {@code tabwriter.NewWriter(out, 12, 1, 3, ' ', 0)}. */
    private static final int MIN_WIDTH = 12;
    private static final int PADDING = 3;

    private ListFormat() {
    }

    /** {@code list -q}: one id per line. */
    public static String quiet(List<ContainerView> views) {
        StringBuilder s = new StringBuilder();
        for (ContainerView v : views) {
            s.append(v.state().id()).append('\n');
        }
        return s.toString();
    }

    /**
     * {@code list}: a column is as wide as its widest cell plus 3 spaces, at least 12; the last
     * column is not padded. Widths count characters, as Go's tabwriter counts runes.
     */
    public static String table(List<ContainerView> views) {
        String[][] rows = new String[views.size() + 1][];
        rows[0] = HEADER;
        for (int i = 0; i < views.size(); i++) {
            rows[i + 1] = row(views.get(i));
        }
        int[] widths = new int[HEADER.length - 1];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, width(row[c]) + PADDING));
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                s.append(row[c]);
                for (int pad = width(row[c]); pad < widths[c]; pad++) {
                    s.append(' ');
                }
            }
            s.append(row[widths.length]).append('\n');
        }
        return s.toString();
    }

    /**
     * {@code list --format json}: one line, runc's objects with the owner filled in; {@code null}
     * when there is no container (runc encodes a nil slice).
     */
    public static String json(List<ContainerView> views) {
        if (views.isEmpty()) {
            return "null\n";
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = GoJson.compact(out)) {
            g.writeStartArray();
            for (ContainerView v : views) {
                StateJson.write(g, v, v.state().owner());
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static String[] row(ContainerView v) {
        ContainerState s = v.state();
        return new String[] {s.id(), Integer.toString(v.pid()), v.status().word(), s.bundle().toString(),
                GoJson.time(s.created()), s.owner()};
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
