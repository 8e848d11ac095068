-- Manager pages (issue 8): one candidate's materials (supplement) deadline, extended past the session's date.
-- The session's date stays the rule for everyone else; closed_at is set when the extended deadline passed and
-- the waiting case was closed by the application's scheduler.
CREATE TABLE materials_deadline_extension (
    application_id  BIGINT PRIMARY KEY REFERENCES application (id),
    deadline        TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by      VARCHAR(64)   NOT NULL,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_materials_deadline_open ON materials_deadline_extension (closed_at, deadline);
