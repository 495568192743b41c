package work.remote.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The final table: every figure next to what it is compared to (the floor, the baseline, or the goal itself), the
 * ratio, the first bar and goal, and which of them it meets. Ratios to a floor or baseline measured in the
 * same run keep their meaning on a busy machine where the absolute numbers do not.
 */
final class Summary {

    /** A bound on the figure itself or on its ratio to the reference. */
    record Bound(boolean onRatio, boolean atMost, double limit, String unit) {

        static Bound atMost(double limit, String unit) {
            return new Bound(false, true, limit, unit);
        }

        static Bound atLeast(double limit, String unit) {
            return new Bound(false, false, limit, unit);
        }

        static Bound ratioAtMost(double limit) {
            return new Bound(true, true, limit, "×");
        }

        static Bound ratioAtLeast(double limit) {
            return new Bound(true, false, limit, "×");
        }

        boolean holds(double value, double ratio) {
            double measured = onRatio ? ratio : value;
            return atMost ? measured <= limit : measured >= limit;
        }

        String label() {
            return (atMost ? "≤ " : "≥ ") + number(limit) + ("×".equals(unit) ? "×" : " " + unit);
        }
    }

    private final List<String[]> rows = new ArrayList<>();

    /**
     * A figure and its ratio to {@code reference} (a floor or baseline measured in the same run, or the goal itself);
     * NaN when it was not measured. The goal holds when all its bounds hold.
     */
    void add(String measure, double value, String unit, String referenceLabel, double reference, List<Bound> firstBar,
            List<Bound> goal) {
        double ratio = value / reference;
        String verdict;
        if (Double.isNaN(value) || Double.isNaN(reference)) {
            verdict = "not measured";
        } else if (goal.stream().allMatch(bound -> bound.holds(value, ratio))) {
            verdict = "goal met";
        } else if (firstBar.stream().allMatch(bound -> bound.holds(value, ratio))) {
            verdict = "first bar met";
        } else {
            verdict = "below the first bar";
        }
        rows.add(new String[] { measure, Double.isNaN(value) ? "–" : number(value) + " " + unit,
                referenceLabel + (Double.isNaN(reference) ? "" : " " + number(reference) + " " + unit),
                Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio), labels(firstBar), labels(goal),
                verdict });
    }

    /** The table in Markdown, as the README holds it. */
    String table() {
        String[] header = { "measure", "figure", "compared to", "ratio", "first bar", "goal", "verdict" };
        int[] widths = new int[header.length];
        for (String[] row : concat(header)) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : concat(header)) {
            table.append(line(row, widths));
            if (row == header) {
                String[] rule = new String[header.length];
                for (int column = 0; column < rule.length; column++) {
                    rule[column] = "-".repeat(widths[column]);
                }
                table.append(line(rule, widths));
            }
        }
        return table.toString();
    }

    private List<String[]> concat(String[] header) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int column = 0; column < cells.length; column++) {
            line.append(' ').append(cells[column]).append(" ".repeat(widths[column] - cells[column].length())).append(" |");
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String labels(List<Bound> bounds) {
        return bounds.stream().map(Bound::label).reduce((first, second) -> first + " and " + second).orElse("–");
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
