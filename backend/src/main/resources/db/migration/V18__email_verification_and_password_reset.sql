-- Whether the account's holder proved they read its address (a link mailed to it was opened). Accepting a brand's
-- invitation needs it: the invitation is addressed to an email, and anyone can sign up with any address.
alter table account add column email_verified_at timestamptz;

-- One-time links mailed to an account: email verification and password reset. Only a hash of each token is stored,
-- so a leaked table opens no link; a link works once and until it expires.
create table account_link_token (
    token_hash  bytea        primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    purpose     varchar(20)  not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    created_at  timestamptz  not null default now()
);

create index account_link_token_account_idx on account_link_token (account_id, purpose);
