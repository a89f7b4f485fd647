-- A guest's inquiry becomes the account's once an account has proven the guest's address (and the guest confirmed
-- it): it keeps the name and address the guest gave, which the brand goes on seeing, and gains the account as sender,
-- so the buyer reads it and writes back from `/dasbor/pesan`. Hence a guest's address may now stand beside a sender.
alter table inquiry drop constraint inquiry_sender_or_guest_check;
alter table inquiry add constraint inquiry_sender_or_guest_check
    check (sender_id is not null or guest_email is not null);
create index inquiry_guest_email_idx on inquiry (guest_email) where sender_id is null;
