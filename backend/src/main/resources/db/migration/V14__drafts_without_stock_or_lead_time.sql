-- A draft may be saved before the producer knows its stock or lead time (issue 13: "drafts save without being
-- complete"); a published product still needs the one its availability calls for, as it needs a price and a category.
alter table product drop constraint product_availability_details;
alter table product add constraint product_availability_details check (
    (availability = 'READY_STOCK' and lead_time_days is null)
    or (availability = 'MADE_TO_ORDER' and stock_quantity is null));
alter table product drop constraint product_publishable;
alter table product add constraint product_publishable check (
    status <> 'PUBLISHED'
    or (price is not null and category_id is not null and (stock_quantity is not null or lead_time_days is not null)));
