package cn.cabr.carbon.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a candidate gives to open an account. The ID-card number is checked in full by {@link IdCardNumber}, the
 * password by {@link PasswordPolicy}. The e-mail address is required: it is where a forgotten password's reset
 * link and the exam e-mail go.
 */
public record Registration(
        @NotBlank(message = "请填写姓名")
        @Pattern(regexp = "[\\p{IsHan}·A-Za-z ]{2,30}", message = "姓名应为 2–30 个汉字或字母")
        String fullName,
        @NotBlank(message = "请填写身份证号码") String idNumber,
        @NotBlank(message = "请填写手机号码")
        @Pattern(regexp = "1[3-9]\\d{9}", message = "手机号码应为 11 位中国大陆手机号")
        String mobile,
        @NotBlank(message = "请填写电子邮箱（用于找回密码和接收考试通知）")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "电子邮箱格式不正确，例如 zhangsan@example.com")
        @Size(max = 120, message = "电子邮箱不得超过 120 个字符")
        String email,
        @ValidPassword
        String password) {

    @Override
    public String toString() {
        return "Registration[mobile=" + mobile + "]";
    }
}
