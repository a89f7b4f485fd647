-- Villages (desa) where Kriyanusa's producers live, with the department's classification and model-village designation.
create table village (
    id                     bigint generated always as identity primary key,
    slug                   varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                   varchar(120) not null,
    province               varchar(80)  not null default 'Nusa Tenggara Barat',
    regency                varchar(80)  not null,
    district               varchar(80)  not null,
    latitude               double precision check (latitude between -90 and 90),
    longitude              double precision check (longitude between -180 and 180),
    description_id         text,
    description_en         text,
    story_id               text,
    story_en               text,
    classification         varchar(16)  not null default 'RINTISAN'
                           check (classification in ('RINTISAN', 'BERKEMBANG', 'MAJU', 'MANDIRI')),
    model_village          boolean      not null default false,
    model_programme_year   integer check (model_programme_year between 2000 and 2100),
    hero_image_key         varchar(200),
    specialities           text[]       not null default '{}',
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    version                bigint       not null default 0,
    check (model_village or model_programme_year is null)
);

create index village_regency_idx on village (regency);
