-- Accounts of buyers, producers and department staff, and the refresh tokens that keep them signed in.
create table account (
    id             bigint generated always as identity primary key,
    email          varchar(254) not null,
    display_name   varchar(120) not null,
    password_hash  varchar(200) not null,
    roles          varchar(16)[] not null default '{BUYER}',
    created_at     timestamptz  not null default now()
);

create unique index account_email_uq on account (lower(email));

-- Only a hash of each refresh token is stored: a leaked table does not sign anybody in.
create table refresh_token (
    token_hash   bytea primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    created_at   timestamptz not null default now()
);

create index refresh_token_account_idx on refresh_token (account_id);
