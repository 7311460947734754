package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A probe. Handler fields are inline as in the API; validation requires exactly one (V-12). Timing
 * fields are nullable: null means unset, which defaulting replaces (D-5).
 */
public record Probe(
        ExecAction exec,
        HTTPGetAction httpGet,
        TCPSocketAction tcpSocket,
        GRPCAction grpc,
        Integer initialDelaySeconds,
        Integer timeoutSeconds,
        Integer periodSeconds,
        Integer successThreshold,
        Integer failureThreshold,
        Long terminationGracePeriodSeconds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Probe {
        extra = Immutables.map(extra);
    }

    public static Probe exec(List<String> command) {
        return new Probe(new ExecAction(command), null, null, null, null, null, null, null, null, null, Map.of());
    }

    /** The handlers that are set; a valid probe has exactly one. */
    @JsonIgnore
    public List<Handler> handlers() {
        return Stream.<Handler>of(exec, httpGet, tcpSocket, grpc).filter(h -> h != null).toList();
    }

    @JsonIgnore
    public Optional<Handler> handler() {
        return Handler.single(handlers());
    }

    public Probe withTiming(Integer initialDelay, Integer timeout, Integer period,
                            Integer success, Integer failure) {
        return new Probe(exec, httpGet, tcpSocket, grpc, initialDelay, timeout, period, success, failure,
                terminationGracePeriodSeconds, extra);
    }

    public Probe withTerminationGracePeriodSeconds(Long value) {
        return new Probe(exec, httpGet, tcpSocket, grpc, initialDelaySeconds, timeoutSeconds, periodSeconds,
                successThreshold, failureThreshold, value, extra);
    }

    public Probe withHandlers(ExecAction e, HTTPGetAction h, TCPSocketAction t, GRPCAction g) {
        return new Probe(e, h, t, g, initialDelaySeconds, timeoutSeconds, periodSeconds,
                successThreshold, failureThreshold, terminationGracePeriodSeconds, extra);
    }
}
