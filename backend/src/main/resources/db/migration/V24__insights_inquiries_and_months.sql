-- Outcomes, second part (issue 14): buyer inquiries and WhatsApp taps are counted too, each count change names the
-- brand it concerns (a programme's participants' outcomes before and after it are read by their brands), and the
-- figures over time are read from a monthly roll-up kept in the same transaction as each event, so that the console
-- does not sum a million events per request; the counts now are kept per village and category the same way.
alter table insights_event drop constraint insights_event_kind_check;
alter table insights_event add constraint insights_event_kind_check
    check (kind in ('BRAND_REGISTERED', 'BRAND_VERIFIED', 'PRODUCT_PUBLISHED', 'PARTICIPANT_ENROLLED', 'GOAL_DONE',
                    'INQUIRY_SENT', 'INQUIRY_ANSWERED', 'WHATSAPP_TAP'));
alter table insights_event add column brand_id bigint;

create index insights_event_brand_idx on insights_event (brand_id, occurred_at) where brand_id is not null;
create index insights_event_programme_idx on insights_event (programme_id, occurred_at) where programme_id is not null;

-- One row per month (first day, NTB time), kind, village and category ('' for none): how many times the count went
-- up (`happened`, what the months' table shows) and the sum of +1 and -1 (`net`, what is true now).
create table insights_month (
    month         date         not null,
    kind          varchar(40)  not null,
    village_id    bigint       not null,
    category_slug varchar(100) not null default '',
    happened      integer      not null default 0,
    net           integer      not null default 0,
    primary key (month, kind, village_id, category_slug)
);

create index insights_month_kind_idx on insights_month (kind, village_id);

-- What is true now per kind, village and category ('' for none), the sum of every +1 and -1: a few thousand rows
-- that the figures read instead of counting a hundred thousand products' states per request.
create table insights_total (
    kind          varchar(40)  not null,
    village_id    bigint       not null,
    category_slug varchar(100) not null default '',
    net           integer      not null default 0,
    primary key (kind, village_id, category_slug)
);

-- Whether an inquiry's sending and first answer were counted, so an event delivered twice counts once.
create table insights_inquiry_state (
    inquiry_id bigint primary key,
    sent       boolean not null default false,
    answered   boolean not null default false
);

-- The counts so far carry no brand and have no roll-up: empty them, and the start-up backfill counts everything
-- again through the modules' public APIs (as for a new installation), inquiries included.
truncate insights_event, insights_brand_state, insights_product_state, insights_participant_state,
    insights_goal_state;
alter table insights_product_state add column brand_id bigint;
