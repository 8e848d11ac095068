package cn.cabr.carbon.training;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The training-hours ledger (学时). Records come from the training platform as CSV; only hours completed up to
 * the session's cutoff count towards that session.
 */
@Service
@Transactional
public class TrainingHours {

    static final String[] HEADER = {"id_number", "hours", "completed_at", "course"};
    private static final DateTimeFormatter COMPLETED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final BigDecimal MAX_HOURS_PER_RECORD = BigDecimal.valueOf(36);
    private static final int MAX_ERRORS_SHOWN = 20;

    private final TrainingRecordRepository records;
    private final Candidates candidates;
    private final Applications applications;
    private final ExamSessions sessions;
    private final Clock clock;
    private final ZoneId zone;

    TrainingHours(TrainingRecordRepository records, Candidates candidates, Applications applications,
            ExamSessions sessions, Clock clock, ZoneId businessZone) {
        this.records = records;
        this.candidates = candidates;
        this.applications = applications;
        this.sessions = sessions;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** Hours of the application's candidate that count for its session. */
    @Transactional(readOnly = true)
    public HoursCheck check(long applicationId) {
        Application application = applications.get(applicationId);
        ExamSession session = sessions.get(application.getSessionId());
        BigDecimal counted = records.sumUntil(application.getCandidateId(), session.getHoursCutoffAt());
        return new HoursCheck(counted, session.getRequiredHours(), session.getHoursCutoffAt());
    }

    @Transactional(readOnly = true)
    public List<TrainingRecord> ledger(long candidateId) {
        return records.findByCandidateIdOrderByCompletedAt(candidateId);
    }

    public TrainingRecord add(long candidateId, BigDecimal hours, String course, Instant completedAt, String source) {
        return records.save(new TrainingRecord(candidateId, hours, course, completedAt, source, "manual", clock.instant()));
    }

    /**
     * Imports a CSV export of the training platform: header {@code id_number,hours,completed_at,course}, UTF-8,
     * times as {@code yyyy-MM-dd HH:mm} Beijing time. Every row is checked first; if any row is wrong nothing
     * is imported and the answer lists each wrong row by its line number.
     */
    public ImportReport importCsv(byte[] csv, String source) {
        List<String> errors = new ArrayList<>();
        List<TrainingRecord> accepted = new ArrayList<>();
        String batch = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Set<Long> candidateIds = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(decode(csv)), CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord row : parser) {
                String problem = parseRow(row, source, batch, now, accepted, candidateIds);
                if (problem != null) {
                    errors.add("第 " + (row.getRecordNumber() + 1) + " 行：" + problem);
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw BusinessException.invalid("CSV_UNREADABLE", "CSV 文件无法解析：请使用 UTF-8 编码、逗号分隔，并检查引号是否成对");
        }
        if (accepted.isEmpty() && errors.isEmpty()) {
            throw BusinessException.invalid("CSV_EMPTY", "CSV 文件中没有学时记录");
        }
        if (!errors.isEmpty()) {
            List<String> shown = errors.size() > MAX_ERRORS_SHOWN ? errors.subList(0, MAX_ERRORS_SHOWN) : errors;
            throw BusinessException.invalid("IMPORT_REJECTED", "导入未执行（共 " + errors.size() + " 行有误，所有记录均未导入）："
                    + String.join("；", shown) + (errors.size() > shown.size() ? "；……" : ""));
        }
        records.saveAll(accepted);
        BigDecimal total = accepted.stream().map(TrainingRecord::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ImportReport(batch, accepted.size(), candidateIds.size(), total);
    }

    private String parseRow(CSVRecord row, String source, String batch, Instant now, List<TrainingRecord> accepted,
            Set<Long> candidateIds) {
        if (row.size() != HEADER.length) {
            return "应有 " + HEADER.length + " 列，实际 " + row.size() + " 列";
        }
        Optional<Candidate> candidate = candidates.findByIdNumber(row.get("id_number"));
        if (candidate.isEmpty()) {
            return "身份证号码未对应任何已注册考生";
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(row.get("hours"));
        } catch (NumberFormatException e) {
            return "学时“" + row.get("hours") + "”不是数字";
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_RECORD) > 0 || hours.scale() > 2) {
            return "学时须大于 0、不超过 36，最多两位小数";
        }
        Instant completedAt;
        try {
            completedAt = LocalDateTime.parse(row.get("completed_at"), COMPLETED_AT).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return "完成时间“" + row.get("completed_at") + "”格式应为 yyyy-MM-dd HH:mm";
        }
        if (completedAt.isAfter(clock.instant())) {
            return "完成时间晚于当前时间";
        }
        String course = row.get("course");
        if (course.isBlank() || course.length() > 200) {
            return "课程名称不能为空且不超过 200 字";
        }
        candidateIds.add(candidate.get().getId());
        accepted.add(new TrainingRecord(candidate.get().getId(), hours, course, completedAt, source, batch, now));
        return null;
    }

    private static void checkHeader(List<String> header) {
        if (!header.equals(List.of(HEADER))) {
            throw BusinessException.invalid("CSV_HEADER_INVALID",
                    "CSV 表头应为：" + String.join(",", HEADER) + "（当前为：" + String.join(",", header) + "）");
        }
    }

    private static String decode(byte[] csv) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw BusinessException.invalid("CSV_NOT_UTF8", "CSV 文件不是 UTF-8 编码（Excel 请选择“CSV UTF-8”格式另存）");
        }
    }
}
