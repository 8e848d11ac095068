package cn.cabr.carbon.proctoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * face-api's own measure: the Euclidean distance between two descriptors. Its authors suggest 0.6 as the limit for
 * "same person"; the default here is stricter (0.55) because a mismatch is only a question for a proctor, not a
 * refusal.
 */
@Component
class EuclideanFaceMatcher implements FaceMatcher {

    private final double threshold;

    EuclideanFaceMatcher(@Value("${certification.proctoring.face-match-threshold:0.55}") double threshold) {
        this.threshold = threshold;
    }

    @Override
    public FaceComparison compare(FaceDescriptor live, FaceDescriptor reference) {
        double sum = 0;
        for (int i = 0; i < FaceDescriptor.LENGTH; i++) {
            double d = live.values()[i] - reference.values()[i];
            sum += d * d;
        }
        double distance = Math.sqrt(sum);
        return new FaceComparison(distance, distance < threshold);
    }

    @Override
    public double threshold() {
        return threshold;
    }
}
