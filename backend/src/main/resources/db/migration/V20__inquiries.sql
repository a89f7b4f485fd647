-- Buyers' inquiries and requests for quote to a brand about one of its products (issue 15), and the brand members'
-- replies. The buyer's contact (`contact`, and the account's email) is shown to the brand only once it replied; the
-- limits per sender and per brand count these rows, so they hold across instances and restarts.
create table inquiry (
    id             bigint generated always as identity primary key,
    brand_id       bigint        not null references brand (id) on delete cascade,
    product_id     bigint        references product (id) on delete set null,
    sender_id      bigint        not null references account (id) on delete cascade,
    quantity       integer       check (quantity between 1 and 1000000),
    needed_by      date,
    message        varchar(2000) not null check (char_length(btrim(message)) > 0),
    reply_channel  varchar(20)   not null check (reply_channel in ('EMAIL', 'WHATSAPP', 'PHONE')),
    contact        varchar(40),
    status         varchar(20)   not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'DONE')),
    sent_at        timestamptz   not null default now(),
    answered_at    timestamptz,
    closed_at      timestamptz,
    check (reply_channel = 'EMAIL' or contact is not null)
);

create index inquiry_brand_idx on inquiry (brand_id, sent_at desc);
create index inquiry_sender_idx on inquiry (sender_id, sent_at desc);

create table inquiry_reply (
    id          bigint generated always as identity primary key,
    inquiry_id  bigint        not null references inquiry (id) on delete cascade,
    author_id   bigint        references account (id) on delete set null,
    message     varchar(2000) not null,
    sent_at     timestamptz   not null default now()
);

create index inquiry_reply_inquiry_idx on inquiry_reply (inquiry_id, id);
