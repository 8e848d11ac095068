-- Technical-problem remedies decided in adjudication (补足考试时间 / 准予重考).
-- A time credit reopens the same sitting for the credited minutes; a re-sit opens a new sitting (attempt 2, a new
-- paper) for the same application and marks the earlier one superseded. Nothing is deleted: the superseded
-- sitting keeps its paper, answers, events and decisions.
ALTER TABLE sitting ADD COLUMN attempt INT DEFAULT 1 NOT NULL;
ALTER TABLE sitting ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sitting ADD COLUMN superseded_by BIGINT;
ALTER TABLE sitting ADD COLUMN remedy VARCHAR(20);
ALTER TABLE sitting ADD COLUMN remedy_minutes INT;
ALTER TABLE sitting ADD COLUMN remedy_granted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sitting ADD COLUMN remedy_window_end TIMESTAMP WITH TIME ZONE;
ALTER TABLE sitting ADD COLUMN resumed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sitting ADD COLUMN status_before_reopen VARCHAR(20);
-- One sitting per application and attempt; the current one is the one not superseded. The application id was
-- UNIQUE (an unnamed constraint, named differently by each database): the column is recreated without it.
ALTER TABLE sitting ADD COLUMN application_ref BIGINT;
UPDATE sitting SET application_ref = application_id;
ALTER TABLE sitting DROP COLUMN application_id;
ALTER TABLE sitting RENAME COLUMN application_ref TO application_id;
ALTER TABLE sitting ALTER COLUMN application_id SET NOT NULL;
ALTER TABLE sitting ADD CONSTRAINT fk_sitting_application FOREIGN KEY (application_id) REFERENCES application (id);
CREATE INDEX ix_sitting_application ON sitting (application_id);
DROP INDEX ux_sitting_application_number;
CREATE UNIQUE INDEX ux_sitting_application_attempt ON sitting (application_number, attempt);

-- The minutes an adjudicator credits with a time credit.
ALTER TABLE adjudication ADD COLUMN credited_minutes INT;

-- Short answers changed during credited time are marked again: a new marking pass, the earlier pass kept.
ALTER TABLE answer ADD COLUMN marking_pass INT DEFAULT 1 NOT NULL;
ALTER TABLE marking ADD COLUMN marking_pass INT DEFAULT 1 NOT NULL;
ALTER TABLE marking DROP CONSTRAINT uq_marking_round;
ALTER TABLE marking ADD CONSTRAINT uq_marking_pass_round UNIQUE (answer_id, marking_pass, round);
