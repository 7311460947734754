package dev.podcheck.spec.pod;

import java.util.List;

public record ExecAction(List<String> command) implements Handler {
    public ExecAction {
        command = Immutables.list(command);
    }

    @Override
    public String fieldName() {
        return "exec";
    }
}
