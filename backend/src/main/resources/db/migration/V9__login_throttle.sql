-- Sign-in throttle: one Bucket4j token bucket per (account, client address) and per client address, shared by every
-- instance of the portal (see LoginThrottle). Keys are hashes: the table holds no email address.
create table login_throttle (
    id          varchar(80) primary key,
    -- the bucket's state, serialised by Bucket4j; null between its insert and first update
    state       bytea,
    -- epoch milliseconds at which the bucket is full again and the row can go
    expires_at  bigint
);

create index login_throttle_expires_idx on login_throttle (expires_at);
