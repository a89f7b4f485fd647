-- The language an account signed up in (from the sign-up page's address), for mail that reaches it later without a
-- request to take the language from (a curator's decision on a brand). Null for accounts made before: Indonesian.
alter table account add column language varchar(2) check (language in ('id', 'en'));
