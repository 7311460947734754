package dev.podcheck.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.Catalogue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Finds podcheck's tests: a class with {@link PodcheckCatalogue} holds one test per invariant of the
 * catalogue, and each {@link PodcheckProperty} method is a test. A class, a method or a unique id (an
 * IDE rerunning one invariant) may be selected.
 */
final class Discovery implements SelectorResolver {

    static boolean isTestClass(Class<?> candidate) {
        return !Modifier.isAbstract(candidate.getModifiers()) && !candidate.isInterface()
                && (candidate.isAnnotationPresent(PodcheckCatalogue.class) || properties(candidate).findAny().isPresent());
    }

    static Stream<Method> properties(Class<?> testClass) {
        return ReflectionSupport.findMethods(testClass, m -> m.isAnnotationPresent(PodcheckProperty.class),
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).stream();
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!isTestClass(testClass)) {
            return unresolved();
        }
        return context.addToParent(parent -> Optional.of(new ClassDescriptor(parent.getUniqueId(), testClass)))
                .map(d -> Resolution.match(Match.exact(d, () -> children(d))))
                .orElse(unresolved());
    }

    /** Every test of a class, as selectors: resolved one by one like a selection of each. */
    private static Set<DiscoverySelector> children(ClassDescriptor d) {
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        if (d.testClass().isAnnotationPresent(PodcheckCatalogue.class)) {
            Catalogue.all().forEach(inv -> children.add(selectUniqueId(d.getUniqueId().append(InvariantDescriptor.SEGMENT, inv.id()))));
        }
        properties(d.testClass()).forEach(m -> children.add(selectMethod(d.testClass(), m)));
        return children;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Method method = selector.getJavaMethod();
        Class<?> testClass = selector.getJavaClass();
        if (!method.isAnnotationPresent(PodcheckProperty.class) || !isTestClass(testClass)) {
            return unresolved();
        }
        return context.addToParent(() -> selectClass(testClass),
                        parent -> Optional.of(new PropertyDescriptor((ClassDescriptor) parent, method)))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2 || !segments.get(1).getType().equals(ClassDescriptor.SEGMENT)) {
            return unresolved();
        }
        Optional<Class<?>> testClass = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (testClass.isEmpty() || !isTestClass(testClass.get())) {
            return unresolved();
        }
        if (segments.size() == 2) {
            return Resolution.selectors(Set.of(selectClass(testClass.get())));
        }
        UniqueId.Segment test = segments.get(2);
        if (segments.size() == 3 && test.getType().equals(PropertyDescriptor.SEGMENT)) {
            return properties(testClass.get()).filter(m -> PropertyDescriptor.key(m).equals(test.getValue())).findFirst()
                    .map(m -> Resolution.selectors(Set.of(selectMethod(testClass.get(), m))))
                    .orElse(unresolved());
        }
        if (segments.size() == 3 && test.getType().equals(InvariantDescriptor.SEGMENT)
                && testClass.get().isAnnotationPresent(PodcheckCatalogue.class)) {
            Optional<Invariant> invariant = Catalogue.all().stream().filter(inv -> inv.id().equals(test.getValue())).findFirst();
            if (invariant.isEmpty()) {
                return unresolved();
            }
            return context.addToParent(() -> selectClass(testClass.get()),
                            parent -> Optional.<TestDescriptor>of(new InvariantDescriptor((ClassDescriptor) parent, invariant.get())))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(unresolved());
        }
        return unresolved();
    }
}
