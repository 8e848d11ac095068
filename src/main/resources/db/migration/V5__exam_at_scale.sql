-- The exam under load. Papers and answers are inserted in batches (sequences instead of identity columns, which
-- would force one round trip per row), and a sitting is found and locked by its application number in one query.
CREATE SEQUENCE sitting_item_seq START WITH 100000000 INCREMENT BY 100;
CREATE SEQUENCE answer_seq START WITH 100000000 INCREMENT BY 100;

ALTER TABLE sitting ADD COLUMN application_number VARCHAR(32);
UPDATE sitting SET application_number = (SELECT a.application_number FROM application a WHERE a.id = sitting.application_id);
ALTER TABLE sitting ALTER COLUMN application_number SET NOT NULL;
CREATE UNIQUE INDEX ux_sitting_application_number ON sitting (application_number);
CREATE INDEX ix_sitting_item_sitting ON sitting_item (sitting_id);
