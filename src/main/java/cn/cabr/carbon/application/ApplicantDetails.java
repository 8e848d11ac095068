package cn.cabr.carbon.application;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The personal data of the notice (报名信息). Every field may be empty in a draft; {@link Applications#submit}
 * says which are still missing. Name and ID-card number come from the account.
 */
public record ApplicantDetails(
        Gender gender,
        LocalDate birthDate,
        EducationLevel educationLevel,
        @Size(max = 100, message = "毕业院校不超过 100 字") String school,
        LocalDate graduationDate,
        @Size(max = 100, message = "所学专业不超过 100 字") String major,
        Boolean relatedMajor,
        @Min(value = 0, message = "工作年限不能为负数") @Max(value = 60, message = "工作年限不超过 60 年") Integer relatedWorkYears,
        @Size(max = 200, message = "工作单位不超过 200 字") String employer,
        @Size(max = 100, message = "现任职务不超过 100 字") String position,
        @Size(max = 500, message = "已有执业资格证书不超过 500 字") String qualifications,
        Boolean institutionStaff,
        Boolean lawAbidingDeclared,
        EligibilityClause claimedClause) {
}
