-- Which staff work a session as proctor or adjudicator. Evidence (face images, snapshots) of a sitting is visible
-- only to the proctors and adjudicators of its session (and managers).
CREATE TABLE session_staff (
    session_id  BIGINT      NOT NULL REFERENCES exam_session (id),
    staff_id    VARCHAR(64) NOT NULL,
    duty        VARCHAR(20) NOT NULL,
    assigned_by VARCHAR(64) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, staff_id, duty)
);
