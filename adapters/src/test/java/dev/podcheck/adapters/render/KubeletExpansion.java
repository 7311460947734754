package dev.podcheck.adapters.render;

import java.util.Map;

/**
 * The kubelet's $(VAR) expansion of a container's command, args and exec probe command, as
 * third_party/forked/golang/expansion/expand.go does it: "$$" becomes "$", "$(NAME)" becomes
 * NAME's value when the container's environment defines it and stays as written otherwise, any
 * other "$" is kept. Hooks' exec commands are not expanded (pkg/kubelet/lifecycle/handlers.go).
 */
final class KubeletExpansion {
    private KubeletExpansion() {}

    static String expand(String input, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int checkpoint = 0;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
                continue;
            }
            out.append(input, checkpoint, cursor);
            char next = input.charAt(cursor + 1);
            int advance = 1;
            if (next == '$') {
                out.append('$');
            } else if (next == '(') {
                int close = input.indexOf(')', cursor + 2);
                if (close < 0) {
                    out.append("$(");
                } else {
                    String name = input.substring(cursor + 2, close);
                    out.append(env.getOrDefault(name, "$(" + name + ")"));
                    advance = close - cursor;
                }
            } else {
                out.append('$').append(next);
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        return out.append(input, checkpoint, input.length()).toString();
    }
}
