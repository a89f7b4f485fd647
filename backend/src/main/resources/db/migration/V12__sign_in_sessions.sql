-- A sign-in session: the family of refresh tokens that rotate from one sign-in, and the access tokens issued with
-- them (their `sid` claim). Ending it (sign-out, or a rotated refresh token used again, which means it was stolen)
-- refuses every token of the family at once, the newest included.
create table sign_in_session (
    id          uuid        primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    created_at  timestamptz not null default now(),
    ended_at    timestamptz
);

-- Tokens from before sessions existed belong to none: their holders sign in again (there are no production users yet).
delete from refresh_token;
alter table refresh_token add column session_id uuid not null references sign_in_session (id) on delete cascade;
create index refresh_token_session_idx on refresh_token (session_id);
