-- Every grant and revocation of a staff role (CURATOR, ADMIN): who changed whose role, which, why and when. Rows are
-- only ever added. `changed_by` is null for the first admin, made at start-up from the portal's settings
-- (kriyanusa.identity.bootstrap-admin-email, ADR 0009).
create table staff_role_change (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references account (id),
    role        varchar(16)  not null check (role in ('CURATOR', 'ADMIN')),
    action      varchar(8)   not null check (action in ('GRANTED', 'REVOKED')),
    reason      varchar(500) not null check (char_length(btrim(reason)) > 0),
    changed_by  bigint       references account (id),
    changed_at  timestamptz  not null default now()
);

create index staff_role_change_newest_idx on staff_role_change (changed_at desc, id desc);

-- Finding the admins (the last one cannot lose the role) and the staff list without reading every account.
create index account_staff_idx on account (id) where roles && '{CURATOR,ADMIN}'::varchar[];
