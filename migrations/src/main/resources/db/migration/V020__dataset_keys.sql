-- A stable key for the datasets the portal publishes itself (participation data, each vote's
-- ballots), by which it finds them again: a title can be edited, a key cannot. Datasets the
-- portal made before keys existed get theirs from the titles it gave them.
ALTER TABLE catalog.dataset ADD COLUMN system_key VARCHAR(64);
CREATE UNIQUE INDEX dataset_system_key_uk ON catalog.dataset (system_key);

UPDATE catalog.dataset SET system_key = 'participation-proposals'
 WHERE title = 'Proposals on OpenPlaza'
   AND organisation_id IN (SELECT id FROM catalog.organisation WHERE name = 'OpenPlaza participation');
UPDATE catalog.dataset SET system_key = 'participation-supports'
 WHERE title = 'Supports for proposals per day'
   AND organisation_id IN (SELECT id FROM catalog.organisation WHERE name = 'OpenPlaza participation');
UPDATE catalog.dataset SET system_key = 'participation-steps'
 WHERE title = 'Proposal lifecycles and official answers'
   AND organisation_id IN (SELECT id FROM catalog.organisation WHERE name = 'OpenPlaza participation');
UPDATE catalog.dataset SET system_key = 'participation-votes'
 WHERE title = 'Votes on OpenPlaza and their results'
   AND organisation_id IN (SELECT id FROM catalog.organisation WHERE name = 'OpenPlaza participation');
UPDATE catalog.dataset
   SET system_key = 'vote-ballots-' || SUBSTRING(title FROM 17 FOR POSITION(':' IN title) - 17)
 WHERE title LIKE 'Ballots of vote %:%'
   AND organisation_id IN (SELECT id FROM catalog.organisation WHERE name = 'OpenPlaza participation');
