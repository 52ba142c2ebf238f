CREATE TABLE `stakeholder_register_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written below: the one row, then the triggers that give it a new random version on every
-- change a register-derived figure reads (not last_contact_on, which follows actions: migration
-- 0028). Random, as reach_month_versions (0020): a restored backup never matches a kept version.
INSERT INTO `stakeholder_register_version` (id, version) VALUES (1, random());
--> statement-breakpoint
CREATE TRIGGER `stakeholders_version_insert` AFTER INSERT ON `stakeholders` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_version_update` AFTER UPDATE OF name, acronym, category_id, programme, period, scale, country, city, website, web_domain, description, languages, owner_partner_id, stage, name_key, search_text, archived_at, merged_into_id, created_at ON `stakeholders` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_version_delete` AFTER DELETE ON `stakeholders` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_themes_version_insert` AFTER INSERT ON `stakeholder_themes` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_themes_version_update` AFTER UPDATE ON `stakeholder_themes` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_themes_version_delete` AFTER DELETE ON `stakeholder_themes` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_priority_version_insert` AFTER INSERT ON `stakeholder_priority` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_priority_version_update` AFTER UPDATE ON `stakeholder_priority` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_priority_version_delete` AFTER DELETE ON `stakeholder_priority` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_categories_version_insert` AFTER INSERT ON `stakeholder_categories` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_categories_version_update` AFTER UPDATE ON `stakeholder_categories` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_categories_version_delete` AFTER DELETE ON `stakeholder_categories` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_groups_version_insert` AFTER INSERT ON `stakeholder_groups` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_groups_version_update` AFTER UPDATE ON `stakeholder_groups` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_groups_version_delete` AFTER DELETE ON `stakeholder_groups` BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_stakeholder_version_insert` AFTER INSERT ON `audit_log` WHEN new.entity = 'stakeholder' BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_stakeholder_version_update` AFTER UPDATE ON `audit_log` WHEN old.entity = 'stakeholder' OR new.entity = 'stakeholder' BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_stakeholder_version_delete` AFTER DELETE ON `audit_log` WHEN old.entity = 'stakeholder' BEGIN
  UPDATE stakeholder_register_version SET version = random() WHERE id = 1;
END;
