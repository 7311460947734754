package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run's verdicts counted as its trials finish, in any order, as if in trial order: per invariant its
 * counts, its first (lowest) violating trial and the reason of its first unknown verdict. Only those
 * trials are kept, and the ones the target could not run, so a run of 100,000 trials on the reference
 * holds no more than a run of 100. A target that is not the reference keeps every trial it compared:
 * the differential reads them all.
 */
final class Tally {
    /** One invariant's verdicts so far. */
    record Count(int holds, int violated, int unknown, TrialOutcome first, String firstUnknown) {}

    /** What the tally holds at one moment: the counts by invariant, and the trials it keeps, in trial order. */
    record Counted(List<Count> counts, int trialsRun, int finished, List<TrialError> errors,
                   List<TrialOutcome> compared) {}

    private final boolean keepCompared;
    private final int[] holds;
    private final int[] violated;
    private final int[] unknown;
    private final TrialOutcome[] firstViolated;
    private final TrialOutcome[] firstUnknown;
    private final List<TrialOutcome> errors = new ArrayList<>();
    private final List<TrialOutcome> compared = new ArrayList<>();
    private int trialsRun;

    Tally(int invariants, boolean keepCompared) {
        this.keepCompared = keepCompared;
        holds = new int[invariants];
        violated = new int[invariants];
        unknown = new int[invariants];
        firstViolated = new TrialOutcome[invariants];
        firstUnknown = new TrialOutcome[invariants];
    }

    synchronized void add(TrialOutcome outcome) {
        if (outcome.error() != null) {
            errors.add(outcome);
            return;
        }
        trialsRun++;
        if (keepCompared) {
            compared.add(outcome);
        }
        Verdict[] verdicts = outcome.verdicts();
        for (int i = 0; i < verdicts.length; i++) {
            if (verdicts[i] instanceof Verdict.Violated) {
                violated[i]++;
                firstViolated[i] = earlier(firstViolated[i], outcome);
            } else if (verdicts[i] instanceof Verdict.Unknown) {
                unknown[i]++;
                firstUnknown[i] = earlier(firstUnknown[i], outcome);
            } else {
                holds[i]++;
            }
        }
    }

    synchronized Counted counted() {
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < holds.length; i++) {
            String reason = firstUnknown[i] == null ? null : ((Verdict.Unknown) firstUnknown[i].verdicts()[i]).reason();
            counts.add(new Count(holds[i], violated[i], unknown[i], firstViolated[i], reason));
        }
        List<TrialError> errorsInOrder = inOrder(errors).stream().map(o -> new TrialError(o.origin(), o.error())).toList();
        return new Counted(counts, trialsRun, trialsRun + errors.size(), errorsInOrder, inOrder(compared));
    }

    private static TrialOutcome earlier(TrialOutcome known, TrialOutcome outcome) {
        return known == null || outcome.trial() < known.trial() ? outcome : known;
    }

    private static List<TrialOutcome> inOrder(List<TrialOutcome> outcomes) {
        return outcomes.stream().sorted(Comparator.comparingInt(TrialOutcome::trial)).toList();
    }
}
