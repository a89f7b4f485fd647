-- The language the buyer wrote the inquiry in, from the page's address: the mail about it (the guest's confirmation,
-- the brand's replies) links to pages in that language. Inquiries sent before were all taken as Indonesian.
alter table inquiry add column language varchar(2) not null default 'id' check (language in ('id', 'en'));
