-- Training programmes (Bimtek) of the department, their participants and each participant's follow-up plan
-- (rencana tindak lanjut, issue 14). A participant's name, gender, age band and account are kept only with their
-- consent; without it the row only counts them (and may name the brand, a business, and keep its plan).
create table programme (
    id           bigint generated always as identity primary key,
    title_id     varchar(200) not null check (char_length(btrim(title_id)) > 0),
    title_en     varchar(200),
    organiser    varchar(200) not null,
    starts_on    date         not null,
    ends_on      date         not null check (ends_on >= starts_on),
    village_id   bigint       not null references village (id),
    topics       text[]       not null default '{}',
    trainers     text[]       not null default '{}',
    budget_line  varchar(200),
    created_by   bigint references account (id) on delete set null,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    version      bigint       not null default 0
);

create index programme_starts_on_idx on programme (starts_on desc, id desc);

create table programme_participant (
    id            bigint generated always as identity primary key,
    programme_id  bigint       not null references programme (id) on delete cascade,
    consent       boolean      not null,
    account_id    bigint references account (id) on delete set null,
    name          varchar(120),
    brand_id      bigint references brand (id) on delete set null,
    gender        varchar(20) check (gender in ('FEMALE', 'MALE')),
    age_band      varchar(20) check (age_band in ('UNDER_25', 'AGED_25_TO_39', 'AGED_40_TO_54', 'AGED_55_AND_OVER')),
    enrolled_at   timestamptz  not null default now(),
    check (consent or (account_id is null and name is null and gender is null and age_band is null))
);

create index programme_participant_programme_idx on programme_participant (programme_id, id);
create unique index programme_participant_account_idx on programme_participant (programme_id, account_id)
    where account_id is not null;
create index programme_participant_account_only_idx on programme_participant (account_id) where account_id is not null;
create index programme_participant_brand_idx on programme_participant (brand_id) where brand_id is not null;

create table follow_up_goal (
    id              bigint generated always as identity primary key,
    participant_id  bigint       not null references programme_participant (id) on delete cascade,
    kind            varchar(30)  not null
                    check (kind in ('DEVELOP_PRODUCT', 'REGISTER_BRAND', 'OBTAIN_CERTIFICATION', 'REACH_MARKET')),
    description     varchar(500) not null,
    due_on          date         not null,
    status          varchar(20)  not null default 'PLANNED'
                    check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note            varchar(500),
    updated_by      bigint references account (id) on delete set null,
    updated_at      timestamptz  not null default now()
);

create index follow_up_goal_participant_idx on follow_up_goal (participant_id, due_on, id);
