package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cabr.carbon.shared.BusinessException;

/** The server-side comparison with fixed descriptors: the same face, another face, no face, broken data. */
class FaceMatcherTests {

    final FaceMatcher matcher = new EuclideanFaceMatcher(0.55);

    /** A descriptor whose components are all {@code base}, except the first, which is {@code first}. */
    static List<Double> descriptor(double base, double first) {
        List<Double> values = new ArrayList<>(Collections.nCopies(128, base));
        values.set(0, first);
        return values;
    }

    @Test
    void theSameFaceSlightlyMoved_matches_withItsEuclideanDistance() {
        FaceMatcher.FaceComparison result = matcher.compare(FaceDescriptor.of(descriptor(0.05, 0.30), "摄像头画面"),
                FaceDescriptor.of(descriptor(0.05, 0.00), "报名照片"));
        assertThat(result.distance()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.match()).isTrue();
    }

    @Test
    void anotherFace_doesNotMatch_andTheThresholdItselfIsNoMatch() {
        // every component 0.05 apart: distance = sqrt(128 * 0.0025) = 0.5657
        FaceMatcher.FaceComparison other = matcher.compare(FaceDescriptor.of(descriptor(0.10, 0.10), "摄像头画面"),
                FaceDescriptor.of(descriptor(0.05, 0.05), "报名照片"));
        assertThat(other.distance()).isCloseTo(0.5657, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(other.match()).isFalse();
        FaceMatcher.FaceComparison atThreshold = matcher.compare(FaceDescriptor.of(descriptor(0, 0.55), "摄像头画面"),
                FaceDescriptor.of(descriptor(0, 0), "报名照片"));
        assertThat(atThreshold.match()).as("the threshold is exclusive").isFalse();
    }

    @Test
    void noFace_isRefusedWithTheImageNamed() {
        assertThatThrownBy(() -> FaceDescriptor.of(List.of(), "摄像头画面")).isInstanceOf(BusinessException.class)
                .hasMessageContaining("未能在摄像头画面中检测到人脸");
        assertThatThrownBy(() -> FaceDescriptor.of(null, "报名照片")).hasMessageContaining("报名照片");
    }

    @Test
    void aDescriptorOfTheWrongLength_orWithNonNumbers_isRefused() {
        assertThatThrownBy(() -> FaceDescriptor.of(Collections.nCopies(64, 0.1), "摄像头画面"))
                .hasMessageContaining("应为 128 个数值，收到 64 个");
        List<Double> withNaN = descriptor(0.1, Double.NaN);
        assertThatThrownBy(() -> FaceDescriptor.of(withNaN, "摄像头画面")).hasMessageContaining("含非数值");
    }
}
