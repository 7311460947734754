package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A lifecycle hook; handler fields are inline as in the API and exactly one must be set (V-12). */
public record LifecycleHandler(
        ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcpSocket, SleepAction sleep) {

    public static LifecycleHandler exec(List<String> command) {
        return new LifecycleHandler(new ExecAction(command), null, null, null);
    }

    public static LifecycleHandler sleep(long seconds) {
        return new LifecycleHandler(null, null, null, new SleepAction(seconds));
    }

    @JsonIgnore
    public List<Handler> handlers() {
        return Stream.<Handler>of(exec, httpGet, tcpSocket, sleep).filter(h -> h != null).toList();
    }

    @JsonIgnore
    public Optional<Handler> handler() {
        return Handler.single(handlers());
    }
}
