package dev.podcheck.spec.pod;

/** A sleep lifecycle hook (V-13: {@code 0 < seconds <= terminationGracePeriodSeconds}). */
public record SleepAction(Long seconds) implements Handler {
    @Override
    public String fieldName() {
        return "sleep";
    }
}
