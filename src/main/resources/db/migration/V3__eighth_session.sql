-- The 8th session (第八期) as the notice gives it. Its dates are past: it is recorded as archived with every
-- milestone reached on its date, so no ExamSession process is started for it and nothing rushes through.
INSERT INTO exam_session (code, name, archived, applications_close_at, materials_close_at, hours_cutoff_at,
                          exam_start_at, exam_end_at, scores_publish_at, certificates_issue_at, duration_minutes,
                          total_points, pass_mark, required_hours, support_contact, next_application_seq,
                          next_certificate_seq, created_at)
VALUES ('08', '第八期', TRUE,
        TIMESTAMP WITH TIME ZONE '2023-12-18 23:59:59+08:00',
        TIMESTAMP WITH TIME ZONE '2023-12-18 23:59:59+08:00',
        TIMESTAMP WITH TIME ZONE '2023-12-21 23:30:00+08:00',
        TIMESTAMP WITH TIME ZONE '2023-12-23 14:00:00+08:00',
        TIMESTAMP WITH TIME ZONE '2023-12-23 16:00:00+08:00',
        TIMESTAMP WITH TIME ZONE '2024-02-01 09:00:00+08:00',
        TIMESTAMP WITH TIME ZONE '2024-03-20 09:00:00+08:00',
        120, 150, 90, 36, '测评系统客服电话 400-650-6886', 1, 1, CURRENT_TIMESTAMP);

INSERT INTO session_milestone (session_id, milestone, reached_at, reached_by)
SELECT s.id, m.milestone, m.reached_at, 'seed'
FROM exam_session s,
     (SELECT 'APPLICATIONS_CLOSED' AS milestone, TIMESTAMP WITH TIME ZONE '2023-12-18 23:59:59+08:00' AS reached_at
      UNION ALL SELECT 'MATERIALS_CLOSED', TIMESTAMP WITH TIME ZONE '2023-12-18 23:59:59+08:00'
      UNION ALL SELECT 'HOURS_COUNTED', TIMESTAMP WITH TIME ZONE '2023-12-21 23:30:00+08:00'
      UNION ALL SELECT 'EXAM_OPENED', TIMESTAMP WITH TIME ZONE '2023-12-23 14:00:00+08:00'
      UNION ALL SELECT 'EXAM_CLOSED', TIMESTAMP WITH TIME ZONE '2023-12-23 16:00:00+08:00'
      UNION ALL SELECT 'SCORES_PUBLISHED', TIMESTAMP WITH TIME ZONE '2024-02-01 09:00:00+08:00'
      UNION ALL SELECT 'CERTIFICATES_ISSUED', TIMESTAMP WITH TIME ZONE '2024-03-20 09:00:00+08:00') m
WHERE s.code = '08';
