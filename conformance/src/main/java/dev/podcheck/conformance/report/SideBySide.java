package dev.podcheck.conformance.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Two timelines aligned line by line (their longest common subsequence), so the lines only one of them has stand
 * out: what {@code diff-versions} shows of the same pod under two releases.
 */
public record SideBySide(List<Row> rows) {
    /** One row: a line of each side (null where that side has none here); {@code same} when both have it. */
    public record Row(String left, String right, boolean same) {}

    public SideBySide {
        rows = List.copyOf(rows);
    }

    /** Aligns two texts' lines. */
    public static SideBySide of(String left, String right) {
        List<String> a = left.lines().toList();
        List<String> b = right.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add(new Row(a.get(i++), b.get(j++), true));
            } else if (j >= b.size() || i < a.size() && common[i + 1][j] >= common[i][j + 1]) {
                rows.add(new Row(a.get(i++), null, false));
            } else {
                rows.add(new Row(null, b.get(j++), false));
            }
        }
        return new SideBySide(rows);
    }

    /** Two columns under their titles; a row only one side has is marked {@code *} between them. */
    public String render(String leftTitle, String rightTitle) {
        int width = Math.max(leftTitle.length(), rows.stream().map(Row::left).filter(l -> l != null)
                .mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(pad(leftTitle, width)).append("   ").append(rightTitle).append('\n');
        for (Row row : rows) {
            out.append(pad(row.left() == null ? "" : row.left(), width)).append(row.same() ? " | " : " * ")
                    .append(row.right() == null ? "" : row.right());
            out.setLength(out.length() - (out.charAt(out.length() - 1) == ' ' ? 1 : 0));
            out.append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
