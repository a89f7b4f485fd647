-- Brands: cooperatives (koperasi), IKM/UMKM and producer groups, their members, invitations and the
-- department's verification of each brand, with a history of every status change.
create table brand (
    id                   bigint generated always as identity primary key,
    slug                 varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                 varchar(120) not null,
    legal_form           varchar(24)  not null
                         check (legal_form in ('KOPERASI', 'IKM', 'UMKM', 'KELOMPOK_PENGRAJIN', 'BUMDES', 'CV', 'PERORANGAN')),
    village_id           bigint       not null references village (id),
    tagline              varchar(160),
    story_id             text check (char_length(story_id) <= 10000),
    story_en             text check (char_length(story_en) <= 10000),
    logo_image_key       varchar(200),
    cover_image_key      varchar(200),
    color_primary        char(7) check (color_primary ~ '^#[0-9A-F]{6}$'),
    color_secondary      char(7) check (color_secondary ~ '^#[0-9A-F]{6}$'),
    color_accent         char(7) check (color_accent ~ '^#[0-9A-F]{6}$'),
    whatsapp             varchar(16) check (whatsapp ~ '^\+628[0-9]{8,11}$'),
    phone                varchar(24),
    email                varchar(254),
    social_links         text[]       not null default '{}',
    -- a brand holds a handful of certifications that are always read with it: one column, no join
    certifications       jsonb        not null default '[]',
    year_founded         integer check (year_founded between 1900 and 2100),
    artisans_total       integer      not null default 0 check (artisans_total >= 0),
    artisans_women       integer      not null default 0 check (artisans_women between 0 and artisans_total),
    artisans_youth       integer      not null default 0 check (artisans_youth between 0 and artisans_total),
    verification_status  varchar(16)  not null default 'DRAFT'
                         check (verification_status in ('DRAFT', 'SUBMITTED', 'VERIFIED', 'SUSPENDED')),
    suspension_reason    text,
    created_by           bigint references account (id) on delete set null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              bigint       not null default 0
);

create index brand_village_idx on brand (village_id);
create index brand_status_idx on brand (verification_status);

create table brand_member (
    brand_id    bigint      not null references brand (id) on delete cascade,
    account_id  bigint      not null references account (id) on delete cascade,
    joined_at   timestamptz not null default now(),
    primary key (brand_id, account_id)
);

create index brand_member_account_idx on brand_member (account_id);

-- An invitation is addressed to an email; only the account with that email may accept it.
create table brand_invitation (
    id           bigint generated always as identity primary key,
    brand_id     bigint       not null references brand (id) on delete cascade,
    email        varchar(254) not null,
    token        varchar(64)  not null unique,
    invited_by   bigint references account (id) on delete set null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    accepted_at  timestamptz,
    accepted_by  bigint references account (id) on delete set null
);

create unique index brand_invitation_pending_uq on brand_invitation (brand_id, lower(email)) where accepted_at is null;
create index brand_invitation_email_idx on brand_invitation (lower(email));

create table brand_status_change (
    id           bigint generated always as identity primary key,
    brand_id     bigint      not null references brand (id) on delete cascade,
    changed_by   bigint references account (id) on delete set null,
    changed_at   timestamptz not null default now(),
    from_status  varchar(16),
    to_status    varchar(16) not null,
    note         text
);

create index brand_status_change_brand_idx on brand_status_change (brand_id, changed_at);
