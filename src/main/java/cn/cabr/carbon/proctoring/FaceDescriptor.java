package cn.cabr.carbon.proctoring;

import java.util.List;

import cn.cabr.carbon.shared.BusinessException;

/**
 * A face as face-api describes it: 128 finite numbers. A missing descriptor means the browser found no face in the
 * image, which is refused with a message naming the image.
 */
public record FaceDescriptor(double[] values) {

    public static final int LENGTH = 128;

    /** Checks what the browser sent; {@code what} names the image in the message (e.g. "报名照片"). */
    public static FaceDescriptor of(List<? extends Number> values, String what) {
        if (values == null || values.isEmpty()) {
            throw BusinessException.invalid("NO_FACE", "未能在" + what + "中检测到人脸，请调整光线和位置后重试");
        }
        if (values.size() != LENGTH) {
            throw BusinessException.invalid("DESCRIPTOR_INVALID",
                    what + "的人脸特征数据无效（应为 " + LENGTH + " 个数值，收到 " + values.size() + " 个）");
        }
        double[] array = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            Number n = values.get(i);
            if (n == null || !Double.isFinite(n.doubleValue())) {
                throw BusinessException.invalid("DESCRIPTOR_INVALID", what + "的人脸特征数据无效（含非数值）");
            }
            array[i] = n.doubleValue();
        }
        return new FaceDescriptor(array);
    }
}
