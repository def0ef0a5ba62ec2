-- A session's plan keeps each exercise's tempo (such as '3-1-3'), so a
-- resumed tempo set is beaten out as it was planned.
ALTER TABLE session_exercise ADD COLUMN tempo TEXT;
