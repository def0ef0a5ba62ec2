-- The file says it is ours: 'RSTR' as a 32-bit big-endian integer.
PRAGMA application_id = 1381192786;

-- One row per distinct exercise; names are unique regardless of case.
CREATE TABLE exercise (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind  TEXT NOT NULL CHECK (kind IN ('reps', 'hold')),
    sides TEXT NOT NULL CHECK (sides IN ('both', 'each'))
) STRICT;

-- Timestamps are UTC, RFC 3339 with milliseconds and a 'Z' suffix, so that
-- text order is time order and SQLite's date functions read them.
CREATE TABLE session (
    id               INTEGER PRIMARY KEY,
    routine          TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    ended_at         TEXT,
    current_position INTEGER NOT NULL DEFAULT 0,
    notes            TEXT
) STRICT;
CREATE INDEX session_by_start ON session (started_at);
CREATE INDEX session_unfinished ON session (started_at) WHERE ended_at IS NULL;

-- The plan of one session: a copy of the routine taken at start, so that
-- resuming and later edits of the routine never disagree with what was logged.
CREATE TABLE session_exercise (
    session_id     INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    exercise_id    INTEGER NOT NULL REFERENCES exercise (id),
    planned_sets   INTEGER NOT NULL CHECK (planned_sets >= 0),
    target_reps    INTEGER CHECK (target_reps > 0),
    target_hold_ms INTEGER CHECK (target_hold_ms > 0),
    rest_ms        INTEGER NOT NULL CHECK (rest_ms >= 0),
    cue            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

-- One confirmed set. Loads are exact: hundredths of the unit the user typed.
-- side is NULL for exercises done with both limbs together.
CREATE TABLE set_log (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id),
    exercise_id INTEGER NOT NULL REFERENCES exercise (id),
    set_number  INTEGER NOT NULL CHECK (set_number >= 1),
    side        TEXT CHECK (side IN ('left', 'right')),
    set_type    TEXT NOT NULL DEFAULT 'normal'
                CHECK (set_type IN ('normal', 'warmup', 'drop', 'failure')),
    reps        INTEGER CHECK (reps >= 0),
    load_centi  INTEGER CHECK (load_centi > 0),
    load_unit   TEXT CHECK (load_unit IN ('kg', 'lb')),
    hold_ms     INTEGER CHECK (hold_ms >= 0),
    duration_ms INTEGER CHECK (duration_ms >= 0),
    rpe         REAL CHECK (rpe BETWEEN 1 AND 10),
    notes       TEXT,
    logged_at   TEXT NOT NULL,
    CHECK ((load_centi IS NULL) = (load_unit IS NULL))
) STRICT;
CREATE INDEX set_by_session ON set_log (session_id, id);
CREATE INDEX set_by_exercise ON set_log (exercise_id, logged_at);
