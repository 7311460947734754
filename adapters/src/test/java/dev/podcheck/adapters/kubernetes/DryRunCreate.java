package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-side dry-run create of a pod body exactly as written ({@code dryRun=All}, strict field
 * validation as kubectl asks for it): a raw request, so that no client model drops an unknown or
 * repeated field before the apiserver sees it. The dry run goes through decoding, defaulting,
 * admission plugins and validation, and stores nothing.
 */
final class DryRunCreate {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** RFC 7234 warn-code, warn-agent, quoted text: {@code 299 - "metadata.name: ..."}. */
    private static final Pattern WARNING = Pattern.compile("^\\d{3} \\S+ \"((?:[^\"\\\\]|\\\\.)*)\"");

    private final KubernetesClient client;
    private final String url;

    DryRunCreate(KubernetesClient client, String namespace) {
        this.client = client;
        String server = client.getConfiguration().getMasterUrl();
        this.url = server + (server.endsWith("/") ? "" : "/") + "api/v1/namespaces/" + namespace
                + "/pods?dryRun=All&fieldValidation=Strict";
    }

    /** The apiserver's answer to {@code body} (JSON); an answer other than 201, 400, 403 or 422 is an error. */
    CompletableFuture<AdmissionAnswer> send(String body) {
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(url)
                .post("application/json", body).header("Accept", "application/json").build();
        return client.getHttpClient().sendAsync(request, String.class).thenApply(DryRunCreate::answer);
    }

    private static AdmissionAnswer answer(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return switch (response.code()) {
            case 201 -> AdmissionAnswer.accepted(warnings(response), ModelledFields.ofStored(response.body()));
            case 400 -> AdmissionAnswer.refused(strictErrors(body.path("message").asString()));
            case 422 -> AdmissionAnswer.refused(causes(body));
            case 403 -> AdmissionAnswer.refused(List.of(forbidden(body.path("message").asString())));
            default -> throw new IllegalStateException("the apiserver answered " + response.code() + ": " + response.body());
        };
    }

    // "Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "a", duplicate field "b"".
    private static List<String> strictErrors(String message) {
        int at = message.indexOf(AdmissionAnswer.STRICT);
        if (at < 0) {
            return List.of(message);
        }
        List<String> out = new ArrayList<>();
        for (String one : message.substring(at + AdmissionAnswer.STRICT.length()).split(", (?=(unknown|duplicate) field )")) {
            out.add(AdmissionAnswer.STRICT + one);
        }
        return out;
    }

    // An admission plugin's 403 names no field: "pods "web" is forbidden: the integer value of priority (130) must not
    // be provided in pod spec; ...". The Priority plugin's is about spec.priority, which is where podcheck reports it.
    private static String forbidden(String message) {
        String reason = message.replaceFirst("^pods \"[^\"]*\" is forbidden: ", "");
        return reason.startsWith("the integer value of priority") ? "spec.priority: Forbidden: " + reason : message;
    }

    // A 422's causes carry each field error: its field, and its message without the field.
    private static List<String> causes(JsonNode status) {
        List<String> out = new ArrayList<>();
        for (JsonNode cause : status.path("details").path("causes")) {
            out.add(cause.path("field").asString() + ": " + cause.path("message").asString());
        }
        return out;
    }

    private static List<String> warnings(HttpResponse<String> response) {
        List<String> out = new ArrayList<>();
        for (String header : response.headers("Warning")) {
            Matcher m = WARNING.matcher(header);
            out.add(m.find() ? m.group(1).replaceAll("\\\\(.)", "$1") : header);
        }
        return out;
    }
}
