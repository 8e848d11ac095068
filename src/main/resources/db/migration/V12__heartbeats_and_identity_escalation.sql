-- The answer page's heartbeat, one row per sitting and kept apart from the sitting's row (answer saves lock that one):
-- a heartbeat is one UPDATE of this row. While the server hears nothing for longer than the threshold of
-- ProctoringThresholds.dmn a network gap is open: gap_started_at is the last heartbeat (or the start) before it and
-- gap_event_id its NETWORK_GAP proctoring event. Opening a gap is a conditional update (or the insert of this row),
-- so two nodes running the detector record it once.
CREATE TABLE sitting_heartbeat (
    sitting_id        BIGINT                   NOT NULL PRIMARY KEY REFERENCES sitting (id),
    last_heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    gap_started_at    TIMESTAMP WITH TIME ZONE,
    gap_event_id      BIGINT
);

-- When the proctors had not decided a check-in in time and it went to the managers as well (IdentityCheck.bpmn).
ALTER TABLE identity_check ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
