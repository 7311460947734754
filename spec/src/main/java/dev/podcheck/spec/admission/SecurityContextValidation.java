package dev.podcheck.spec.admission;

import dev.podcheck.spec.admission.GoJson.Field;
import dev.podcheck.spec.admission.GoJson.Kind;
import dev.podcheck.spec.pod.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * Pod and container securityContext, as validatePodSpecSecurityContext and ValidateSecurityContext in
 * pkg/apis/core/validation/validation.go check them: user and group ids, seccomp profiles, procMount, the
 * contradictions of allowPrivilegeEscalation: false, and privileged containers, which kube-apiserver refuses
 * unless started with --allow-privileged=true (its default is false, as on the node of cluster/). Capabilities
 * are names the runtime interprets, kept as written. Passed through: sysctls, windowsOptions, appArmorProfile,
 * seLinuxOptions and seLinuxChangePolicy, supplementalGroupsPolicy.
 */
final class SecurityContextValidation {
    static final long MAX_ID = Integer.MAX_VALUE;
    static final List<String> SECCOMP_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");
    static final List<String> PROC_MOUNTS = List.of("Default", "Unmasked");
    static final List<String> FS_GROUP_CHANGE_POLICIES = List.of("Always", "OnRootMismatch");
    static final String PRIVILEGED = "disallowed by cluster policy";
    static final String ESCALATION_PRIVILEGED = "cannot set `allowPrivilegeEscalation` to false and `privileged` to true";
    static final String ESCALATION_SYS_ADMIN =
            "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN";

    /** core.SecurityContext as json.Marshal prints it (no json tags: Go names, in the struct's order). */
    private static final List<Field> CONTAINER_CONTEXT = List.of(
            new Field("Capabilities", "capabilities", Kind.STRUCT, List.of(
                    new Field("Add", "add", Kind.POINTER), new Field("Drop", "drop", Kind.POINTER))),
            new Field("Privileged", "privileged", Kind.POINTER),
            new Field("SELinuxOptions", "seLinuxOptions", Kind.STRUCT, List.of(
                    new Field("User", "user", Kind.STRING), new Field("Role", "role", Kind.STRING),
                    new Field("Type", "type", Kind.STRING), new Field("Level", "level", Kind.STRING))),
            new Field("WindowsOptions", "windowsOptions", Kind.STRUCT, List.of(
                    new Field("GMSACredentialSpecName", "gmsaCredentialSpecName", Kind.POINTER),
                    new Field("GMSACredentialSpec", "gmsaCredentialSpec", Kind.POINTER),
                    new Field("RunAsUserName", "runAsUserName", Kind.POINTER),
                    new Field("HostProcess", "hostProcess", Kind.POINTER))),
            new Field("RunAsUser", "runAsUser", Kind.POINTER),
            new Field("RunAsGroup", "runAsGroup", Kind.POINTER),
            new Field("RunAsNonRoot", "runAsNonRoot", Kind.POINTER),
            new Field("ReadOnlyRootFilesystem", "readOnlyRootFilesystem", Kind.POINTER),
            new Field("AllowPrivilegeEscalation", "allowPrivilegeEscalation", Kind.POINTER),
            new Field("ProcMount", "procMount", Kind.POINTER),
            new Field("SeccompProfile", "seccompProfile", Kind.STRUCT, profile()),
            new Field("AppArmorProfile", "appArmorProfile", Kind.STRUCT, profile()));

    private SecurityContextValidation() {}

    /** validatePodSpecSecurityContext; defaulting always sets spec.securityContext, so it is there. */
    static void pod(PodSpec spec, String path, List<Violation> out) {
        Map<String, Object> context = PassThrough.map(spec.extra(), "securityContext");
        id(context, "fsGroup", path, out);
        id(context, "runAsUser", path, out);
        id(context, "runAsGroup", path, out);
        List<Object> groups = PassThrough.values(context, "supplementalGroups");
        for (int g = 0; g < groups.size(); g++) {
            long gid = groups.get(g) instanceof Number n ? n.longValue() : 0;
            range(gid, path + ".supplementalGroups[" + g + "]", out);
        }
        // v1 keeps shareProcessNamespace and hostPID in the pod spec; the internal pod in its security context
        if (Boolean.TRUE.equals(PassThrough.optionalBool(spec.extra(), "shareProcessNamespace"))
                && PassThrough.bool(spec.extra(), "hostPID")) {
            out.add(Violation.invalid(path + ".shareProcessNamespace", true, "ShareProcessNamespace and HostPID cannot both be enabled"));
        }
        if (context.get("fsGroupChangePolicy") instanceof String policy && !FS_GROUP_CHANGE_POLICIES.contains(policy)) {
            out.add(Violation.notSupported(path + ".fsGroupChangePolicy", GoJson.typed(policy),
                    HandlerValidation.supportedValues(FS_GROUP_CHANGE_POLICIES)));
        }
        seccompProfile(PassThrough.object(context, "seccompProfile"), path + ".seccompProfile", out);
    }

    /** ValidateSecurityContext of a container, init or regular. */
    static void container(Map<String, Object> context, PodSpec spec, String path, List<Violation> out) {
        if (context == null) {
            return;
        }
        Boolean privileged = PassThrough.optionalBool(context, "privileged");
        if (Boolean.TRUE.equals(privileged)) {
            out.add(Violation.forbidden(path + ".privileged", PRIVILEGED));
        }
        id(context, "runAsUser", path, out);
        id(context, "runAsGroup", path, out);
        if (context.get("procMount") instanceof String procMount) {
            if (!PROC_MOUNTS.contains(procMount)) {
                out.add(Violation.notSupported(path + ".procMount", GoJson.typed(procMount),
                        HandlerValidation.supportedValues(PROC_MOUNTS)));
            }
            // an unmasked /proc is only safe inside a user namespace
            if (hostUsers(spec) && procMount.equals("Unmasked")) {
                out.add(Violation.invalid(path + ".procMount", GoJson.typed(procMount), "`hostUsers` must be false to use `Unmasked`"));
            }
        }
        seccompProfile(PassThrough.object(context, "seccompProfile"), path + ".seccompProfile", out);
        if (Boolean.FALSE.equals(PassThrough.optionalBool(context, "allowPrivilegeEscalation"))) {
            GoJson whole = GoJson.struct(context, CONTAINER_CONTEXT);
            if (Boolean.TRUE.equals(privileged)) {
                out.add(Violation.invalid(path, whole, ESCALATION_PRIVILEGED));
            }
            // one error per CAP_SYS_ADMIN added, as upstream loops; only that spelling (not SYS_ADMIN) is compared
            PassThrough.strings(PassThrough.map(context, "capabilities"), "add").stream()
                    .filter("CAP_SYS_ADMIN"::equals)
                    .forEach(cap -> out.add(Violation.invalid(path, whole, ESCALATION_SYS_ADMIN)));
        }
    }

    // validateSeccompProfileField: a type, and a localhostProfile exactly when it is Localhost, a relative path
    // without "..".
    private static void seccompProfile(Map<String, Object> profile, String path, List<Violation> out) {
        if (profile == null) {
            return;
        }
        String type = PassThrough.string(profile, "type");
        if (type.isEmpty()) {
            out.add(Violation.required(path + ".type", "type is required when seccompProfile is set"));
        } else if (!SECCOMP_TYPES.contains(type)) {
            out.add(Violation.notSupported(path + ".type", GoJson.typed(type), HandlerValidation.supportedValues(SECCOMP_TYPES)));
        }
        Object localhost = profile.get("localhostProfile");
        if (type.equals("Localhost")) {
            if (!(localhost instanceof String local)) {
                out.add(Violation.required(path + ".localhostProfile", "must be set when seccomp type is Localhost"));
            } else {
                localDescendingPath(local, path + ".localhostProfile", out);
            }
        } else if (localhost instanceof String) {
            out.add(Violation.invalid(path + ".localhostProfile", GoJson.struct(profile, profile()),
                    "can only be set when seccomp type is Localhost"));
        }
    }

    // validateLocalDescendingPath
    private static void localDescendingPath(String target, String path, List<Violation> out) {
        if (target.startsWith("/")) {
            out.add(Violation.invalid(path, target, "must be a relative path"));
        }
        if (List.of(target.split("/", -1)).contains("..")) {
            out.add(Violation.invalid(path, target, "must not contain '..'"));
        }
    }

    // IsValidUserID and IsValidGroupID: the same range and words.
    private static void id(Map<String, Object> context, String name, String path, List<Violation> out) {
        Long id = PassThrough.optionalInteger(context, name);
        if (id != null) {
            range(id, path + "." + name, out);
        }
    }

    private static void range(long id, String path, List<Violation> out) {
        if (id < 0 || id > MAX_ID) {
            out.add(Violation.invalid(path, id, NameRules.inclusiveRangeError(0, MAX_ID)));
        }
    }

    // The default for hostUsers is true: a pod without it shares the host's user namespace. v1 has it in the pod
    // spec, the internal pod in its security context.
    private static boolean hostUsers(PodSpec spec) {
        return !Boolean.FALSE.equals(PassThrough.optionalBool(spec.extra(), "hostUsers"));
    }

    private static List<Field> profile() {
        return List.of(new Field("Type", "type", Kind.STRING), new Field("LocalhostProfile", "localhostProfile", Kind.POINTER));
    }
}
