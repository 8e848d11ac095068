package cn.cabr.carbon.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a candidate gives to open an account. The ID-card number is checked in full by {@link IdCardNumber}. */
public record Registration(
        @NotBlank(message = "请填写姓名")
        @Pattern(regexp = "[\\p{IsHan}·A-Za-z ]{2,30}", message = "姓名应为 2–30 个汉字或字母")
        String fullName,
        @NotBlank(message = "请填写身份证号码") String idNumber,
        @NotBlank(message = "请填写手机号码")
        @Pattern(regexp = "1[3-9]\\d{9}", message = "手机号码应为 11 位中国大陆手机号")
        String mobile,
        @Email(message = "电子邮箱格式不正确") @Size(max = 120) String email,
        @NotBlank(message = "请设置密码")
        @Size(min = 8, max = 64, message = "密码长度应为 8–64 位")
        @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).*", message = "密码须同时包含字母和数字")
        String password) {

    @Override
    public String toString() {
        return "Registration[mobile=" + mobile + "]";
    }
}
