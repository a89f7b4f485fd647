-- Buyers' favourites (issue 15): the products and brands an account saved, one row each. The account page lists them,
-- newest first; deleting the product, brand or account takes the row with it.
create table favourite (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    product_id  bigint      references product (id) on delete cascade,
    brand_id    bigint      references brand (id) on delete cascade,
    saved_at    timestamptz not null default now(),
    check ((product_id is null) <> (brand_id is null))
);

create unique index favourite_product_uq on favourite (account_id, product_id) where product_id is not null;
create unique index favourite_brand_uq on favourite (account_id, brand_id) where brand_id is not null;
create index favourite_account_idx on favourite (account_id, saved_at desc);

-- An inquiry is about a product or about the whole brand; product_id alone cannot tell, since it turns null when the
-- product is deleted.
alter table inquiry add column subject varchar(10) not null default 'PRODUCT' check (subject in ('PRODUCT', 'BRAND'));

-- The buyer may write back once the brand replied: the thread's messages say who wrote them.
alter table inquiry_reply add column by_buyer boolean not null default false;
