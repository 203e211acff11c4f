-- 派发任务: visits and checks other modules hand to a grid's worker (a campaign's red record, say), with a due
-- time and a link back to where they came from; the worker does them from the phone's today page.
CREATE TABLE fieldwork_task (
    id           bigserial PRIMARY KEY,
    source_key   text        NOT NULL UNIQUE,
    kind         text        NOT NULL CHECK (kind IN ('VISIT', 'CHECK')),
    grid_code    text        NOT NULL,
    subject      text        NOT NULL,
    address      text        NOT NULL,
    about        text        NOT NULL,
    link         text,
    due_at       timestamptz NOT NULL,
    assigned_at  timestamptz NOT NULL,
    done_at      timestamptz,
    done_by      bigint,
    done_by_name text,
    note         text
);
CREATE INDEX fieldwork_task_open ON fieldwork_task (grid_code, due_at) WHERE done_at IS NULL;
