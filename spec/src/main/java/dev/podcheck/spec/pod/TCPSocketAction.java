package dev.podcheck.spec.pod;

public record TCPSocketAction(IntOrString port, String host) implements Handler {
    @Override
    public String fieldName() {
        return "tcpSocket";
    }
}
