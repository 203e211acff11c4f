-- 个人信息查看留痕: every time a user has someone's personal data shown unmasked, who, when, whose, what and why.
-- Rows are only ever inserted.
create table platform_personal_data_access (
    id            bigserial primary key,
    at            timestamptz  not null,
    user_id       bigint       not null,
    username      varchar(100) not null,
    subject_type  varchar(40)  not null,
    subject_id    varchar(100) not null,
    district_code varchar(12),
    fields        varchar(200) not null,
    reason        varchar(500) not null
);
create index platform_personal_data_access_at on platform_personal_data_access (at desc, id desc);
create index platform_personal_data_access_subject on platform_personal_data_access (subject_type, subject_id);
