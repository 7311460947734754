package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioWriter;
import dev.podcheck.spec.yaml.TraceCodec;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run as JSON for tools: fields in a fixed order, every invariant listed, each counterexample
 * with its pod manifest (YAML text, as {@code kubectl apply} takes it) and its trace and witness in
 * the {@link TraceCodec} form, embedded as objects. For a target that is not the reference,
 * {@code "differential"} holds its comparison with the engine's predictions (the first divergence
 * with both traces) and each counterexample says whether it was {@code "reproduced"} on re-run; both
 * are absent for the engine. {@code "format"} names this layout's version.
 *
 * <p>Seeds are written as decimal strings: a trial seed uses all 64 bits, and jq and JavaScript
 * read JSON numbers as doubles, which would round it.
 *
 * <p>Stability: stable within {@value #FORMAT}; fields may be added, none renamed or removed.
 */
public final class JsonReport {
    public static final String FORMAT = "podcheck-report/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonReport() {}

    public static String toJson(RunResult run) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(run)) + "\n";
    }

    static ObjectNode tree(RunResult run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("target", run.target());
        root.put("seed", Long.toString(run.seed()));
        root.put("shard", run.shard().toString());
        root.put("trialsRun", run.trialsRun());
        root.put("targetErrors", run.targetErrors().size());
        ArrayNode inconclusive = root.putArray("inconclusiveTrials");
        run.targetErrors().forEach(e -> inconclusive.addObject().put("origin", e.origin()).put("message", e.message()));
        root.put("corpusScenarios", run.corpusScenarios());
        root.put("elapsedMillis", run.elapsed().toMillis());
        root.put("budgetReached", run.budgetReached());
        root.put("interrupted", run.interrupted());
        if (run.uncheckedBecause() != null) {
            root.put("uncheckedBecause", run.uncheckedBecause());
        }
        root.put("exitCode", run.exitCode());
        root.put("exitMeaning", Replay.exitMeaning(run));
        root.set("outcomes", outcomes(run));
        ArrayNode invariants = root.putArray("invariants");
        run.invariants().forEach(r -> invariants.add(invariant(run, r)));
        if (run.comparedWithReference()) {
            root.set("differential", differential(run, run.differential()));
        }
        return root;
    }

    private static ObjectNode outcomes(RunResult run) {
        Map<InvariantResult.Outcome, Integer> counts = new EnumMap<>(InvariantResult.Outcome.class);
        for (InvariantResult.Outcome o : InvariantResult.Outcome.values()) {
            counts.put(o, 0);
        }
        run.invariants().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        ObjectNode node = JSON.createObjectNode();
        counts.forEach((o, n) -> node.put(o.name(), n));
        return node;
    }

    private static ObjectNode invariant(RunResult run, InvariantResult r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.invariant().id());
        node.put("group", r.invariant().group());
        node.put("outcome", r.outcome().name());
        node.put("must", r.invariant().must());
        node.put("source", FactCitation.of(r.invariant().source()));
        ArrayNode needs = node.putArray("needs");
        r.invariant().needs().stream().map(Enum::name).sorted().forEach(needs::add);
        node.put("observable", r.observable());
        node.put("holds", r.holds());
        node.put("violated", r.violated());
        node.put("unknown", r.unknown());
        node.put("knownDeviation", r.knownDeviation());
        node.put("firstUnknown", r.firstUnknown());
        node.set("counterexample", r.counterexample() == null ? JSON.nullNode() : counterexample(run, r.counterexample()));
        return node;
    }

    private static ObjectNode counterexample(RunResult run, Counterexample c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", c.origin());
        node.put("trialSeed", Long.toString(c.trialSeed()));
        node.put("trial", c.trial());
        node.put("replay", Replay.command(run, c));
        node.put("shrinkSteps", c.shrinkSteps());
        if (run.comparedWithReference()) {
            node.put("reproduced", c.reproduced());
        }
        node.put("message", c.verdict().message());
        node.set("witness", events(new Trace(c.verdict().witness())));
        node.put("scenario", ScenarioWriter.toYaml(c.scenario()));
        node.set("trace", JSON.readTree(TraceCodec.toJson(c.trace())));
        return node;
    }

    /** The comparison with the reference; the first divergence with both traces, or null. */
    private static ObjectNode differential(RunResult run, DifferentialResult r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", Differential.ID);
        node.put("outcome", r.outcome().name());
        node.put("compared", r.compared());
        node.put("differing", r.differing());
        ArrayNode known = node.putArray("known");
        r.known().forEach(k -> known.addObject().put("entry", k.label()).put("reason", k.reason())
                .put("trials", k.trials()));
        ObjectNode byFact = node.putObject("byFact");
        r.byFact().forEach(byFact::put);
        ArrayNode trials = node.putArray("differingTrials");
        r.trials().forEach(t -> {
            ObjectNode one = trials.addObject().put("origin", t.origin()).put("explained", t.explained());
            t.facts().forEach(one.putArray("facts")::add);
        });
        node.set("divergence", r.first() == null ? JSON.nullNode() : divergence(run, r.first()));
        return node;
    }

    private static ObjectNode divergence(RunResult run, Divergence d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", d.origin());
        node.put("trialSeed", Long.toString(d.trialSeed()));
        node.put("trial", d.trial());
        node.put("replay", Replay.command(run, d));
        ArrayNode differences = node.putArray("differences");
        for (Difference x : d.differences()) {
            ObjectNode one = differences.addObject();
            one.put("fact", x.fact().id());
            one.put("container", x.container());
            one.put("kind", x.kind());
            one.put("subject", x.subject());
            one.put("expected", x.expected());
            one.put("observed", x.observed());
            one.put("allowed", x.allowed());
            one.put("message", x.message(run.target()));
        }
        node.put("scenario", ScenarioWriter.toYaml(d.scenario()));
        node.set("reference", JSON.readTree(TraceCodec.toJson(d.reference())));
        node.set("observed", JSON.readTree(TraceCodec.toJson(d.observed())));
        return node;
    }

    /** The events in the TraceCodec form, so a witness reads like the trace it comes from. */
    private static JsonNode events(Trace events) {
        return JSON.readTree(TraceCodec.toJson(events)).get("events");
    }
}
