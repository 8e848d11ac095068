package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.exam.statistics.ItemAnalysis;
import cn.cabr.carbon.exam.statistics.ItemObservation;
import cn.cabr.carbon.exam.statistics.ItemStatistics;
import cn.cabr.carbon.exam.statistics.ItemStatisticsWorkbook;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.FileResponses;

/**
 * Item statistics of a session for managers: difficulty, discrimination and option counts per question version,
 * over the sittings that were taken and are completely graded.
 */
@RestController
class ItemStatisticsController {

    private static final List<SittingStatus> TAKEN = List.of(SittingStatus.SUBMITTED, SittingStatus.TIMED_OUT,
            SittingStatus.TERMINATED);

    private final AnswerRepository answers;
    private final ExamSessions sessions;

    ItemStatisticsController(AnswerRepository answers, ExamSessions sessions) {
        this.answers = answers;
        this.sessions = sessions;
    }

    @GetMapping("/api/manager/sessions/{code}/item-statistics")
    @Transactional(readOnly = true)
    public List<ItemStatistics> statistics(@PathVariable String code) {
        return ItemAnalysis.analyse(observations(sessions.getByCode(code)));
    }

    @GetMapping("/api/manager/sessions/{code}/item-statistics.xlsx")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> workbook(@PathVariable String code) {
        ExamSession session = sessions.getByCode(code);
        return FileResponses.attachment(session.getCode() + "-题目统计.xlsx", QuestionBankController.XLSX,
                ItemStatisticsWorkbook.write(session.getName(), ItemAnalysis.analyse(observations(session))));
    }

    /** Only sittings whose every answer has its final score: a half-graded sitting would distort the totals. */
    private List<ItemObservation> observations(ExamSession session) {
        Map<Long, List<Answer>> bySitting = new HashMap<>();
        for (Answer a : answers.findBySessionAndSittingStatus(session.getId(), TAKEN)) {
            bySitting.computeIfAbsent(a.getSittingId(), k -> new ArrayList<>()).add(a);
        }
        List<ItemObservation> observations = new ArrayList<>();
        bySitting.values().stream().filter(list -> list.stream().allMatch(a -> a.getScore() != null)).forEach(list -> {
            for (Answer a : list) {
                Question q = a.getItem().getQuestion();
                observations.add(new ItemObservation(q.versionCode(), q.describe(), a.getSittingId(), a.getScore(),
                        a.getItem().getPoints(), a.getResponse()));
            }
        });
        return observations;
    }
}
