package dev.podcheck.conformance.runner;

/**
 * This run's part of the trials: trial i belongs to shard {@code i % count + 1}. Shards of one seed
 * together cover every trial exactly once, so a CI matrix can fan out and merge its reports.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is INDEX/COUNT with 1 <= INDEX <= COUNT, got " + index + "/" + count);
        }
    }

    /** Parses "2/8". */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2 || !parts[0].matches("[0-9]+") || !parts[1].matches("[0-9]+")) {
            throw new IllegalArgumentException("a shard is written INDEX/COUNT, e.g. 2/8, got \"" + text + "\"");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public boolean owns(int trial) {
        return trial % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
