package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.ExecAction;
import dev.podcheck.spec.pod.GRPCAction;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.Handler;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.SleepAction;
import dev.podcheck.spec.pod.TCPSocketAction;
import java.util.List;

/**
 * The handler of a probe or lifecycle hook (V-12, V-13), as pkg/apis/core/validation/validation.go
 * validateHandler, validateLifecycle and the validate*Action functions check it.
 */
final class HandlerValidation {
    static final String NO_HANDLER = "must specify a handler type";
    static final String MORE_THAN_ONE_HANDLER = "may not specify more than 1 handler type";
    static final List<String> HTTP_SCHEMES = List.of("HTTP", "HTTPS");

    private HandlerValidation() {}

    /** validateLifecycle: postStart and preStop, each with exactly one handler. */
    static void lifecycle(Lifecycle lifecycle, Long gracePeriod, String path, List<Violation> out) {
        hook(lifecycle.postStart(), gracePeriod, path + ".postStart", out);
        hook(lifecycle.preStop(), gracePeriod, path + ".preStop", out);
    }

    private static void hook(LifecycleHandler hook, Long gracePeriod, String path, List<Violation> out) {
        if (hook != null) {
            handlers(hook.handlers(), gracePeriod, path, out);
        }
    }

    /**
     * validateHandler: the first handler set is checked, every further one is Forbidden at its own
     * field, and none at all is Required at the probe or hook itself.
     */
    static void handlers(List<Handler> handlers, Long gracePeriod, String path, List<Violation> out) {
        if (handlers.isEmpty()) {
            out.add(Violation.required(path, NO_HANDLER));
            return;
        }
        action(handlers.get(0), gracePeriod, path + "." + handlers.get(0).fieldName(), out);
        for (Handler extra : handlers.subList(1, handlers.size())) {
            out.add(Violation.forbidden(path + "." + extra.fieldName(), MORE_THAN_ONE_HANDLER));
        }
    }

    // The only dispatch on the Handler alternatives in this package.
    private static void action(Handler handler, Long gracePeriod, String path, List<Violation> out) {
        if (handler instanceof ExecAction exec) {
            exec(exec, path, out);
        } else if (handler instanceof HTTPGetAction http) {
            httpGet(http, path, out);
        } else if (handler instanceof TCPSocketAction tcp) {
            port(tcp.port(), path + ".port", out);
        } else if (handler instanceof GRPCAction grpc) {
            // validateGRPCAction: the port is an int32, so it is checked as a number only.
            port(IntOrString.of(grpc.port() == null ? 0 : grpc.port()), path + ".port", out);
        } else if (handler instanceof SleepAction sleep) {
            sleep(sleep, gracePeriod, path, out);
        }
    }

    private static void exec(ExecAction exec, String path, List<Violation> out) {
        if (exec.command().isEmpty()) {
            out.add(Violation.required(path + ".command", ""));
        }
    }

    private static void httpGet(HTTPGetAction http, String path, List<Violation> out) {
        if (http.path() == null || http.path().isEmpty()) {
            out.add(Violation.required(path + ".path", ""));
        }
        port(http.port(), path + ".port", out);
        String scheme = http.scheme() == null ? "" : http.scheme();
        if (!HTTP_SCHEMES.contains(scheme)) {
            out.add(Violation.notSupported(path + ".scheme", scheme, supportedValues(HTTP_SCHEMES)));
        }
    }

    /** ValidatePortNumOrName; an unset port is Go's zero IntOrString, the number 0. */
    static void port(IntOrString port, String path, List<Violation> out) {
        if (port == null || port.intValue() != null) {
            int number = port == null ? 0 : port.intValue();
            NameRules.portNumber(number).forEach(msg -> out.add(Violation.invalid(path, number, msg)));
        } else {
            NameRules.portName(port.strValue()).forEach(msg -> out.add(Violation.invalid(path, port.strValue(), msg)));
        }
    }

    /**
     * validateSleepAction (V-13) with PodLifecycleSleepActionAllowZero, GA and locked on in 1.34: 0 <= seconds <= TGPS.
     * Without a grace period (itself reported by V-1) nothing is checked, as there.
     */
    private static void sleep(SleepAction sleep, Long gracePeriod, String path, List<Violation> out) {
        long seconds = sleep.seconds() == null ? 0 : sleep.seconds();
        if (gracePeriod != null && (seconds < 0 || seconds > gracePeriod)) {
            out.add(Violation.invalid(path, seconds,
                    "must be non-negative and less than terminationGracePeriodSeconds (" + gracePeriod + ")"));
        }
    }

    /** field.NotSupported's detail: the values quoted, in the order the apiserver lists them. */
    static String supportedValues(List<String> values) {
        StringBuilder out = new StringBuilder("supported values: ");
        for (int i = 0; i < values.size(); i++) {
            out.append(i > 0 ? ", " : "").append('"').append(values.get(i)).append('"');
        }
        return out.toString();
    }
}
