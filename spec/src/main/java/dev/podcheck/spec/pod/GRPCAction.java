package dev.podcheck.spec.pod;

public record GRPCAction(Integer port, String service) implements Handler {
    @Override
    public String fieldName() {
        return "grpc";
    }
}
