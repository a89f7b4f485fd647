-- When every page session of the account was ended (a password reset): sessions signed in before it are signed out.
alter table account add column sessions_ended_at timestamptz;
