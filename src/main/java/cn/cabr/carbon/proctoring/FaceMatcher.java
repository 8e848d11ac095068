package cn.cabr.carbon.proctoring;

/**
 * Compares two faces by their descriptors. The default implementation measures the Euclidean distance between
 * the 128-float descriptors the browser computes (face-api's recognition model); another implementation could
 * call a server-side recognition service with the images instead.
 */
public interface FaceMatcher {

    /** The distance between the two faces (smaller is more alike) and whether it is below the match threshold. */
    FaceComparison compare(FaceDescriptor live, FaceDescriptor reference);

    /** Distances below this count as the same person. */
    double threshold();

    record FaceComparison(double distance, boolean match) {
    }
}
