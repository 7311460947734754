package dev.podcheck.junit.readme;

import dev.podcheck.junit.PodcheckCatalogue;
import dev.podcheck.junit.PodcheckProperty;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;

@PodcheckCatalogue(trials = 200, seed = 1)   // each invariant of the catalogue is a test, here on the engine
class EngineCatalogueTest {

    @PodcheckProperty(trials = 100, horizon = "5m")   // a rule of your own is one more test, shrunk when it fails
    boolean nothing_happens_after_the_horizon(Scenario scenario, Trace trace) {
        return trace.end() <= Duration.ofMinutes(5).toMillis();
    }
}
