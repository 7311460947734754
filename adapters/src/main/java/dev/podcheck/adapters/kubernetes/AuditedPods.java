package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Observations;
import dev.podcheck.adapters.observe.Observations.Source;
import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.observe.TraceBuilder;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.audit.AuditedPod;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * A pod instance an audit watched, as the catalogue judges it: its scenario is the spec as first seen
 * (as admitted, so defaulted; its finalizers as created), with no behaviours and no world events; its
 * trace is built from the sightings as a trial's is; its manifest is the pod as last seen, without
 * managedFields, as {@code kubectl get -o yaml} shows it.
 */
final class AuditedPods {
    /** What the API shows of a pod watched from its creation: status and Events, nothing the containers report. */
    static final Set<Observation> FROM_CREATION = Observations.of(EnumSet.of(Source.POD_STATUS, Source.EVENTS));
    /** A pod already running when the audit began: its Events up to then are unknown. */
    static final Set<Observation> SEEN_LATE = without(FROM_CREATION, Observation.KUBELET_EVENTS);

    private AuditedPods() {}

    /** @param end when the audit stopped watching, ms since the epoch */
    static AuditedPod of(ClusterAudit.Seen seen, long end, KubernetesSerialization yaml) {
        Pod last = seen.history().last();
        long created = seen.createdEpochMillis();
        List<Sighting> sightings = seen.history().sightings().stream().filter(s -> s.epochMillis() <= end).toList();
        long until = seen.goneEpochMillis() == null ? end : seen.goneEpochMillis();
        return new AuditedPod(last.getMetadata().getNamespace(), last.getMetadata().getName(), last.getMetadata().getUid(),
                owner(last), manifest(last, yaml), scenario(seen.history().first(), yaml),
                TraceBuilder.build(created, sightings), seen.fromCreation() ? FROM_CREATION : SEEN_LATE,
                Duration.ofMillis(Math.max(0, until - created)));
    }

    private static String manifest(Pod pod, KubernetesSerialization yaml) {
        Pod shown = new PodBuilder(pod).build();
        shown.getMetadata().setManagedFields(null);
        return yaml.asYaml(shown);
    }

    /**
     * The pod's spec and metadata without status, read as a manifest, leniently (a field podcheck does not model
     * is dropped). Its own podcheck annotation, if a podcheck trial made it, is dropped too: no behaviours.
     */
    static Scenario scenario(Pod pod, KubernetesSerialization yaml) {
        Pod admitted = new PodBuilder(pod).withStatus(null).build();
        admitted.getMetadata().setManagedFields(null);
        if (admitted.getMetadata().getAnnotations() != null) {
            var annotations = new HashMap<>(admitted.getMetadata().getAnnotations());
            annotations.remove(Scenario.ANNOTATION);
            admitted.getMetadata().setAnnotations(annotations);
        }
        String source = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        return Defaulting.apply(ScenarioReader.readManifests(source, yaml.asYaml(admitted)).get(0).scenario());
    }

    private static String owner(Pod pod) {
        return pod.getMetadata().getOwnerReferences().stream().filter(o -> Boolean.TRUE.equals(o.getController()))
                .findFirst().map(AuditedPods::named).orElse("");
    }

    private static String named(OwnerReference o) {
        return o.getKind() + "/" + o.getName();
    }

    private static Set<Observation> without(Set<Observation> all, Observation left) {
        EnumSet<Observation> some = EnumSet.copyOf(all);
        some.remove(left);
        return Set.copyOf(some);
    }
}
