-- Forms of the pages already sent (ADR 0010): one row per sending, by a hash of the form's address, its fields and
-- the CSRF token as its page showed it (a new value each time a page is shown). The same form sent again (a reload
-- that posts again, a second tap, a resend after a timeout) finds its row, changes nothing and is answered as the
-- first sending was. Rows go once their session would have ended; the table holds no field's value.
create table sent_form (
    form_hash   bytea       primary key,
    sent_at     timestamptz not null default now(),
    -- where the first sending's answer sent the browser; null while it is being handled
    answer      text,
    -- the notices that answer carried to the page (its flash attributes, Java-serialised), if any
    notices     bytea
);

create index sent_form_sent_at_idx on sent_form (sent_at);
