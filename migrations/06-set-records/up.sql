-- The records a set was announced with when it was logged live, so that a
-- session resumed after a restart still lists them on its summary. Reading
-- them back costs the session's sets; working them out again from the sets
-- before each one costs the exercise's whole history.
CREATE TABLE set_record (
    set_id INTEGER NOT NULL REFERENCES set_log (id),
    kind   TEXT NOT NULL CHECK (kind = 'heaviest' OR kind = 'most_reps' OR kind = 'longest_hold'),
    PRIMARY KEY (set_id, kind)
) STRICT, WITHOUT ROWID;
