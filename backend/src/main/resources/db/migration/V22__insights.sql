-- Outcomes and insights (issue 14): counts kept by the insights module from the other modules' events, never from
-- their tables. insights_event is append-only, one row per change of a count (amount +1 or -1) with where it
-- happened as it was then; the *_state tables hold what each counted thing is now, so that an event delivered
-- twice, late or out of order (publish -> archive -> publish) changes the counts exactly once.
create table insights_event (
    id            bigint generated always as identity primary key,
    kind          varchar(40) not null
                  check (kind in ('BRAND_REGISTERED', 'BRAND_VERIFIED', 'PRODUCT_PUBLISHED', 'PARTICIPANT_ENROLLED',
                                  'GOAL_DONE')),
    occurred_at   timestamptz not null default now(),
    village_id    bigint      not null,
    regency       varchar(100),
    model_village boolean     not null default false,
    category_slug varchar(100),
    programme_id  bigint,
    amount        smallint    not null check (amount in (-1, 1))
);

create index insights_event_kind_idx on insights_event (kind, occurred_at);

create table insights_brand_state (
    brand_id    bigint primary key,
    village_id  bigint,
    verified    boolean not null default false,
    registered  boolean not null default false
);

create table insights_product_state (
    product_id    bigint primary key,
    village_id    bigint,
    category_slug varchar(100),
    published     boolean not null default false
);

create table insights_participant_state (
    participant_id bigint primary key,
    programme_id   bigint  not null,
    village_id     bigint,
    woman          boolean not null,
    youth          boolean not null,
    removed        boolean not null default false
);

-- A goal counts under its participant's village (joined when read), whatever order the events arrive in; its
-- status is null until its first event has been applied.
create table insights_goal_state (
    goal_id        bigint primary key,
    participant_id bigint      not null,
    programme_id   bigint      not null,
    status         varchar(20),
    due_on         date        not null
);

create index insights_goal_state_participant_idx on insights_goal_state (participant_id);
