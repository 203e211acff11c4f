-- 部门审批: items the competent district department approves after the window's 受理 and 初审 (转报), and on an
-- application when it was forwarded, to which department (the item's department then), and which unit decided.
ALTER TABLE services_item ADD COLUMN department_review BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE services_application ADD COLUMN forwarded_at TIMESTAMPTZ;
ALTER TABLE services_application ADD COLUMN review_department VARCHAR(200);
ALTER TABLE services_application ADD COLUMN reviewed_by_unit BIGINT;
CREATE INDEX services_application_review ON services_application (review_department, status) WHERE forwarded_at IS NOT NULL;
