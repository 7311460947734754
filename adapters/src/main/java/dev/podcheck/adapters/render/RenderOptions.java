package dev.podcheck.adapters.render;

/**
 * How a scenario is rendered into a runnable pod.
 *
 * @param image   the busybox-compatible image every container runs (its {@code sh}, {@code httpd},
 *                {@code dd} and {@code sleep} act out the behaviours); null means {@value #DEFAULT_IMAGE}
 * @param reports the volume, mounted at {@value PodRenderer#MOUNT_PATH} in every container, that keeps
 *                the instance counters, the health files and the report files; null means an emptyDir
 */
public record RenderOptions(String image, ReportVolume reports) {
    public static final String DEFAULT_IMAGE = "busybox:1.36";

    public RenderOptions {
        image = image == null ? DEFAULT_IMAGE : image;
        if (image.isBlank()) {
            throw new IllegalArgumentException("the image to render with must not be blank");
        }
        reports = reports == null ? new ReportVolume.EmptyDir() : reports;
    }

    /** For a Kubernetes cluster: the reports live in an emptyDir, which lasts as long as the pod. */
    public static RenderOptions kubernetes(String image) {
        return new RenderOptions(image, new ReportVolume.EmptyDir());
    }
}
