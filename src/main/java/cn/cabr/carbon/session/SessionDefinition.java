package cn.cabr.carbon.session;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a manager gives to create an exam session. */
public record SessionDefinition(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,32}", message = "只能包含字母、数字和连字符，2 到 32 位") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull Instant applicationsCloseAt,
        @NotNull Instant materialsCloseAt,
        @NotNull Instant hoursCutoffAt,
        @NotNull Instant examStartAt,
        @NotNull Instant examEndAt,
        @NotNull Instant scoresPublishAt,
        @NotNull Instant certificatesIssueAt,
        @Min(10) @Max(600) int durationMinutes,
        @Min(1) @Max(1000) int totalPoints,
        @Min(1) int passMark,
        @Min(0) @Max(500) int requiredHours,
        @NotBlank @Size(max = 100) String supportContact,
        MultipleChoicePolicy multipleChoicePolicy,
        Boolean doubleMarking,
        @Min(0) @Max(100) Integer markingThreshold) {

    /** The notice's figures: 120 minutes, 150 points, pass mark 90, 36 class periods. */
    public static SessionDefinition standard(String code, String name, Instant applicationsClose, Instant materialsClose,
            Instant hoursCutoff, Instant examStart, Instant scoresPublish, Instant certificatesIssue) {
        return new SessionDefinition(code, name, applicationsClose, materialsClose, hoursCutoff, examStart,
                examStart.plus(Duration.ofMinutes(120)), scoresPublish, certificatesIssue, 120, 150, 90, 36,
                "测评系统客服电话 400-650-6886", MultipleChoicePolicy.ALL_OR_NOTHING, false, 3);
    }
}
