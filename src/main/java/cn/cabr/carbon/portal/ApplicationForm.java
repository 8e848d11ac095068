package cn.cabr.carbon.portal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import cn.cabr.carbon.application.ApplicantDetails;
import cn.cabr.carbon.application.EducationLevel;
import cn.cabr.carbon.application.EligibilityClause;

/**
 * The application's fields as a page form. Each step posts only its own fields; the rest keep the draft's values
 * because the form is filled from the draft before binding. Validation is {@link ApplicantDetails}'s, not repeated.
 */
public class ApplicationForm {

    private EducationLevel educationLevel;
    private String school;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate graduationDate;
    private String major;
    private boolean relatedMajor;
    private Integer relatedWorkYears;
    private String employer;
    private String position;
    private String qualifications;
    private boolean institutionStaff;
    private boolean lawAbidingDeclared;
    private EligibilityClause claimedClause;

    static ApplicationForm of(ApplicantDetails d) {
        ApplicationForm form = new ApplicationForm();
        form.educationLevel = d.educationLevel();
        form.school = d.school();
        form.graduationDate = d.graduationDate();
        form.major = d.major();
        form.relatedMajor = Boolean.TRUE.equals(d.relatedMajor());
        form.relatedWorkYears = d.relatedWorkYears();
        form.employer = d.employer();
        form.position = d.position();
        form.qualifications = d.qualifications();
        form.institutionStaff = Boolean.TRUE.equals(d.institutionStaff());
        form.lawAbidingDeclared = Boolean.TRUE.equals(d.lawAbidingDeclared());
        form.claimedClause = d.claimedClause();
        return form;
    }

    ApplicantDetails toDetails() {
        return new ApplicantDetails(null, null, educationLevel, blankToNull(school), graduationDate, blankToNull(major),
                relatedMajor, relatedWorkYears, blankToNull(employer), blankToNull(position),
                blankToNull(qualifications), institutionStaff, lawAbidingDeclared, claimedClause);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public EducationLevel getEducationLevel() {
        return educationLevel;
    }

    public void setEducationLevel(EducationLevel educationLevel) {
        this.educationLevel = educationLevel;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public LocalDate getGraduationDate() {
        return graduationDate;
    }

    public void setGraduationDate(LocalDate graduationDate) {
        this.graduationDate = graduationDate;
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
    }

    public boolean isRelatedMajor() {
        return relatedMajor;
    }

    public void setRelatedMajor(boolean relatedMajor) {
        this.relatedMajor = relatedMajor;
    }

    public Integer getRelatedWorkYears() {
        return relatedWorkYears;
    }

    public void setRelatedWorkYears(Integer relatedWorkYears) {
        this.relatedWorkYears = relatedWorkYears;
    }

    public String getEmployer() {
        return employer;
    }

    public void setEmployer(String employer) {
        this.employer = employer;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getQualifications() {
        return qualifications;
    }

    public void setQualifications(String qualifications) {
        this.qualifications = qualifications;
    }

    public boolean isInstitutionStaff() {
        return institutionStaff;
    }

    public void setInstitutionStaff(boolean institutionStaff) {
        this.institutionStaff = institutionStaff;
    }

    public boolean isLawAbidingDeclared() {
        return lawAbidingDeclared;
    }

    public void setLawAbidingDeclared(boolean lawAbidingDeclared) {
        this.lawAbidingDeclared = lawAbidingDeclared;
    }

    public EligibilityClause getClaimedClause() {
        return claimedClause;
    }

    public void setClaimedClause(EligibilityClause claimedClause) {
        this.claimedClause = claimedClause;
    }
}
