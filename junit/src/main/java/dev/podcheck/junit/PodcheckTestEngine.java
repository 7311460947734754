package dev.podcheck.junit;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * podcheck as a JUnit Platform test engine (id {@value #ID}), found by the launcher through
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}: the invariants of a class with
 * {@link PodcheckCatalogue} and every {@link PodcheckProperty} method are tests in the IDE and in
 * surefire's reports, beside Jupiter's.
 *
 * <p>Stability: experimental.
 */
public final class PodcheckTestEngine implements TestEngine {
    public static final String ID = "podcheck";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(Discovery::isTestClass)
                    .addSelectorResolver(context -> new Discovery())
                    .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "podcheck");
        RESOLVER.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            new ClassExecution((ClassDescriptor) child, listener, request.getConfigurationParameters()).run();
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }
}
