package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import java.util.List;
import java.util.Map;

/**
 * Environment variable names, as ValidateEnv in pkg/apis/core/validation/validation.go checks them with
 * RelaxedEnvironmentVariableValidation (GA in v1.34): any printable ASCII but '='. Sources are passed through.
 */
final class EnvValidation {
    static final String RELAXED_ENV_VAR_NAME =
            "a valid environment variable name must consist only of printable ASCII characters other than '='";

    private EnvValidation() {}

    static void env(Container c, String at, List<Violation> out) {
        List<Map<String, Object>> env = PassThrough.list(c.extra(), "env");
        for (int i = 0; i < env.size(); i++) {
            String path = at + ".env[" + i + "].name";
            String name = PassThrough.string(env.get(i), "name");
            if (name.isEmpty()) {
                out.add(Violation.required(path, ""));
            } else if (!name.chars().allMatch(ch -> ch >= 32 && ch <= 126 && ch != '=')) {
                out.add(Violation.invalid(path, name, RELAXED_ENV_VAR_NAME));
            }
        }
    }
}
