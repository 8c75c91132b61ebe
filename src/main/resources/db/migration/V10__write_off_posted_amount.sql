-- What an approval posted. It is less than the requested amount when payments or credit notes reduced the
-- open balance while the request waited, and zero when nothing was left open.
alter table write_off add column posted_amount numeric(19,4);
