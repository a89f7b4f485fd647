-- Mailed sign-in links: the owner's way past the sign-in throttle that a guesser on the same network set off.
alter table account_link_token drop constraint account_link_token_purpose_check;
alter table account_link_token add constraint account_link_token_purpose_check
    check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'SIGN_IN'));
