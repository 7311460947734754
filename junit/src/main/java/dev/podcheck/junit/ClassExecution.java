package dev.podcheck.junit;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one test class: its selected invariants in one run of the catalogue on its target, then each
 * property in a run of its own. A setting podcheck cannot use fails the tests it concerns, with why.
 */
final class ClassExecution {
    private final ClassDescriptor testClass;
    private final EngineExecutionListener listener;
    private final ConfigurationParameters parameters;

    ClassExecution(ClassDescriptor testClass, EngineExecutionListener listener, ConfigurationParameters parameters) {
        this.testClass = testClass;
        this.listener = listener;
        this.parameters = parameters;
    }

    void run() {
        listener.executionStarted(testClass);
        TestExecutionResult result = TestExecutionResult.successful();
        List<InvariantDescriptor> invariants = testClass.getChildren().stream()
                .filter(InvariantDescriptor.class::isInstance).map(InvariantDescriptor.class::cast).toList();
        if (!invariants.isEmpty()) {
            result = catalogue(invariants);
        }
        testClass.getChildren().stream().filter(PropertyDescriptor.class::isInstance).map(PropertyDescriptor.class::cast)
                .forEach(this::property);
        listener.executionFinished(testClass, result);
    }

    private TestExecutionResult catalogue(List<InvariantDescriptor> invariants) {
        PodcheckCatalogue annotation = testClass.testClass().getAnnotation(PodcheckCatalogue.class);
        RunResult run;
        try (Target target = ReflectionSupport.newInstance(annotation.target())) {
            List<Invariant> selected = invariants.stream().map(InvariantDescriptor::invariant).toList();
            run = new Runner(Settings.of(annotation).plan(target, parameters).invariants(selected).build())
                    .run((done, total) -> { });
        } catch (RuntimeException e) {
            invariants.forEach(d -> finish(d, TestExecutionResult.failed(e)));
            return TestExecutionResult.successful();
        }
        for (int i = 0; i < invariants.size(); i++) {
            InvariantResult r = run.invariants().get(i);
            finish(invariants.get(i), run, r);
        }
        return Outcomes.ofRun(run);
    }

    private void property(PropertyDescriptor property) {
        PodcheckProperty annotation = property.method().getAnnotation(PodcheckProperty.class);
        RunResult run;
        try (Target target = ReflectionSupport.newInstance(annotation.target())) {
            MethodProperty checked = new MethodProperty(ReflectionSupport.newInstance(property.testClass()),
                    property.method(), target);
            // One trial at a time: the user's test instance and code need not be thread-safe.
            run = new Runner(Settings.of(annotation).plan(target, parameters).invariants(List.of(checked)).parallelism(1)
                    .build()).run((done, total) -> { });
        } catch (RuntimeException e) {
            finish(property, TestExecutionResult.failed(e));
            return;
        }
        TestExecutionResult inconclusive = Outcomes.ofRun(run);
        InvariantResult r = run.invariants().get(0);
        if (inconclusive.getStatus() != TestExecutionResult.Status.SUCCESSFUL && r.violated() == 0) {
            finish(property, inconclusive);
        } else {
            finish(property, run, r);
        }
    }

    private void finish(TestDescriptor test, RunResult run, InvariantResult r) {
        listener.executionStarted(test);
        listener.reportingEntryPublished(test, Outcomes.entry(run, r));
        listener.executionFinished(test, Outcomes.of(run, r));
    }

    private void finish(TestDescriptor test, TestExecutionResult result) {
        listener.executionStarted(test);
        listener.executionFinished(test, result);
    }
}
