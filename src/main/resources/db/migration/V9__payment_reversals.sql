-- A payment that came back (a returned direct debit, a bounced check, a card chargeback). Its postings are
-- cancelled by reversing postings in the ledger; these columns say when and why.
alter table payment add column reversed_on date;
alter table payment add column reversal_reason varchar(500);
