-- Inquiries from buyers without an account (issue 15): a name and a mailbox instead of an account. Such an inquiry is
-- HELD, unseen by the brand and uncounted, until the buyer opens the link mailed to that address; one never confirmed
-- is deleted after 48 hours.
alter table inquiry alter column sender_id drop not null;
alter table inquiry add column guest_name varchar(100);
alter table inquiry add column guest_email varchar(254);
alter table inquiry add constraint inquiry_sender_or_guest_check check ((sender_id is null) <> (guest_email is null));
alter table inquiry drop constraint inquiry_status_check;
alter table inquiry add constraint inquiry_status_check check (status in ('HELD', 'OPEN', 'ANSWERED', 'DONE'));
create index inquiry_held_idx on inquiry (sent_at) where status = 'HELD';

-- The links mailed to a guest: confirming the inquiry (once, for 24 hours) and reading the brand's replies (each reply's
-- mail carries its own). Only a hash of each secret is stored, so a leaked table opens no link.
create table inquiry_link_token (
    token_hash  bytea       primary key,
    inquiry_id  bigint      not null references inquiry (id) on delete cascade,
    purpose     varchar(20) not null check (purpose in ('CONFIRM', 'THREAD')),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);

create index inquiry_link_token_inquiry_idx on inquiry_link_token (inquiry_id);
