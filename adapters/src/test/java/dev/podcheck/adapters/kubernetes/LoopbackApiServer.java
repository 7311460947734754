package dev.podcheck.adapters.kubernetes;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A recording stand-in for an API server on 127.0.0.1, over HTTPS with its own self-signed
 * certificate: it answers every request with a namespace and remembers who asked with which
 * credentials. What a test checks is where a token went, so nothing else is modelled.
 */
final class LoopbackApiServer implements AutoCloseable {
    /** One request as it arrived: its method and path, and its Authorization header ("" when none). */
    record Request(String method, String path, String authorization) {}

    private final HttpsServer server;
    private final String certificatePem;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A server whose certificate names {@code host} (an IP address or a DNS name) as the one it serves. */
    LoopbackApiServer(Path dir, String name, String host) {
        try {
            Path store = dir.resolve(name + ".p12");
            keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + name, "-ext", "SAN=" + (host.matches("[0-9.]+") ? "ip:" : "dns:") + host,
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
            certificatePem = keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(),
                    "-storepass", "changeit");
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    auth == null ? "" : auth));
            byte[] body = """
                    {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"seen"}}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** {@code https://127.0.0.1:<port>} */
    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server's certificate, base64 of the PEM text, as kubeconfig's certificate-authority-data holds it. */
    String caData() {
        return java.util.Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Authorization headers the server received, in order. */
    List<String> authorizations() {
        return requests.stream().map(Request::authorization).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        return out;
    }
}
