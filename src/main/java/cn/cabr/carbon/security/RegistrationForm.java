package cn.cabr.carbon.security;

import cn.cabr.carbon.application.Registration;

/** What the registration page posts: the registration, plus the password typed a second time. */
public class RegistrationForm {

    private String fullName = "";
    private String mobile = "";
    private String email = "";
    private String idNumber = "";
    private String password = "";
    private String passwordConfirmation = "";

    Registration toRegistration() {
        return new Registration(strip(fullName), strip(idNumber), withoutSpaces(mobile), strip(email), password);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Mobile numbers are often typed in groups: 138 0000 0001. */
    private static String withoutSpaces(String s) {
        return s == null ? null : s.replaceAll("[\\s-]", "");
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    @Override
    public String toString() {
        return "RegistrationForm[mobile=" + mobile + "]";
    }
}
