DROP INDEX `stakeholders_active_country_idx`;--> statement-breakpoint
DROP INDEX `stakeholders_active_name_filters_idx`;--> statement-breakpoint
ALTER TABLE `stakeholders` ADD `last_contact_on` text;--> statement-breakpoint
-- Hand-corrected: drizzle-kit splits the index expression at its comma.
CREATE INDEX `stakeholders_active_last_contact_idx` ON `stakeholders` (`archived_at`,coalesce(`last_contact_on`, ''));--> statement-breakpoint
CREATE INDEX `stakeholders_active_country_idx` ON `stakeholders` (`archived_at`,`country`,`name_key`,`last_contact_on`);--> statement-breakpoint
CREATE INDEX `stakeholders_active_name_filters_idx` ON `stakeholders` (`archived_at`,`name_key`,`id`,`category_id`,`country`,`stage`,`owner_partner_id`,`scale`,`last_contact_on`);
--> statement-breakpoint
-- Hand-written below: stakeholders.last_contact_on follows the latest date stakeholder_reach_months
-- keeps per stakeholder (its rows cover every live action, in any status: migrations 0010 and 0020),
-- so "last contact" is one column, sortable and filterable through an index. Then the backfill.
CREATE TRIGGER `stakeholders_last_contact_insert` AFTER INSERT ON `stakeholder_reach_months` BEGIN
  UPDATE stakeholders SET last_contact_on = (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = new.stakeholder_id)
    WHERE id = new.stakeholder_id
      AND last_contact_on IS NOT (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = new.stakeholder_id);
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_last_contact_update` AFTER UPDATE OF last_date, stakeholder_id ON `stakeholder_reach_months` BEGIN
  UPDATE stakeholders SET last_contact_on = (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = stakeholders.id)
    WHERE id IN (old.stakeholder_id, new.stakeholder_id)
      AND last_contact_on IS NOT (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = stakeholders.id);
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_last_contact_delete` AFTER DELETE ON `stakeholder_reach_months` BEGIN
  UPDATE stakeholders SET last_contact_on = (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = old.stakeholder_id)
    WHERE id = old.stakeholder_id
      AND last_contact_on IS NOT (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = old.stakeholder_id);
END;
--> statement-breakpoint
UPDATE stakeholders SET last_contact_on = (SELECT max(r.last_date) FROM stakeholder_reach_months r WHERE r.stakeholder_id = stakeholders.id);
