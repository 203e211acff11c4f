-- Everyone who uploaded a photo's bytes, not only the first: photos are stored once by their SHA-256, and
-- a second uploader of identical bytes must see and use their own upload. A photo id is no capability:
-- reports and actions may refer only to photos their author uploaded.
CREATE TABLE workorder_photo_uploader (
    sha256      VARCHAR(64) NOT NULL,
    user_id     BIGINT      NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sha256, user_id)
);

INSERT INTO workorder_photo_uploader (sha256, user_id, uploaded_at)
SELECT sha256, uploaded_by, uploaded_at FROM workorder_photo;
