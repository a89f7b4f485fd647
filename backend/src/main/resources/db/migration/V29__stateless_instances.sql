-- What several instances of the portal behind a load balancer must share, kept where they all look: PostgreSQL.

-- Page sessions (Spring Session JDBC, its PostgreSQL schema as shipped with spring-session-jdbc 4.0): a browser
-- signed in on one instance is signed in on every instance, and stays so when that instance goes away.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Scheduled housekeeping that must run once per fleet (ShedLock): one row per job, held until lock_until.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- A full reindex under way, which every instance's incremental writes must also reach until the alias moves to it.
-- The row counts only while the rebuilding connection (holder_pid) still holds its advisory lock: a rebuild whose
-- instance died leaves a row nobody follows.
create table search_rebuild (
    alias          varchar(40) primary key,
    building_index varchar(80) not null,
    holder_pid     int         not null,
    started_at     timestamptz not null default now()
);

-- Limits against abuse (sign-ups, mailed links, upload grants), one Bucket4j token bucket per key, shared by every
-- instance like login_throttle. Keys are hashes: the table holds no address or email.
create table rate_limit (
    id          varchar(100) primary key,
    -- the bucket's state, serialised by Bucket4j; null between its insert and first update
    state       bytea,
    -- epoch milliseconds at which the bucket is full again and the row can go
    expires_at  bigint
);

create index rate_limit_expires_idx on rate_limit (expires_at);
