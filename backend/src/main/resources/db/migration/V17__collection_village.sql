-- A collection may tell the story of one village's crafts (for example "Gerabah Banyumulek"); the village's page
-- then shows it. Deleting the village keeps the collection, untied.
alter table collection add column village_id bigint references village (id) on delete set null;

create index collection_village_idx on collection (village_id) where village_id is not null;
