-- Feed entries of located orders carry the order's grid, so that a street or community dispatcher sees the
-- changes in their territory (a grid code starts with its community, street and district codes); entries
-- of reports still unlocated keep the district they were sent for, or none.
ALTER TABLE intake_feed RENAME COLUMN district_code TO division_code;
ALTER TABLE intake_feed ALTER COLUMN division_code TYPE VARCHAR(15);
