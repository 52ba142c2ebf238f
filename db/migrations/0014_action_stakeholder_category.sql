ALTER TABLE `action_stakeholders` ADD `category_id` integer;--> statement-breakpoint
-- Filled before the index is built (one pass instead of index updates row by row).
UPDATE `action_stakeholders` SET `category_id` = (SELECT s.category_id FROM stakeholders s WHERE s.id = action_stakeholders.stakeholder_id);--> statement-breakpoint
CREATE INDEX `action_stakeholders_action_category_idx` ON `action_stakeholders` (`action_id`,`category_id`,`stakeholder_id`);--> statement-breakpoint
-- Kept current by triggers: a new or moved link copies its stakeholder's category; a stakeholder
-- whose category changes updates its links.
CREATE TRIGGER `action_stakeholders_category_insert` AFTER INSERT ON `action_stakeholders` BEGIN
  UPDATE action_stakeholders SET category_id = (SELECT s.category_id FROM stakeholders s WHERE s.id = new.stakeholder_id)
    WHERE action_id = new.action_id AND stakeholder_id = new.stakeholder_id;
END;
--> statement-breakpoint
CREATE TRIGGER `action_stakeholders_category_update` AFTER UPDATE OF stakeholder_id ON `action_stakeholders` BEGIN
  UPDATE action_stakeholders SET category_id = (SELECT s.category_id FROM stakeholders s WHERE s.id = new.stakeholder_id)
    WHERE action_id = new.action_id AND stakeholder_id = new.stakeholder_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_category_links` AFTER UPDATE OF category_id ON `stakeholders` BEGIN
  UPDATE action_stakeholders SET category_id = new.category_id WHERE stakeholder_id = new.id;
END;
