CREATE TABLE `outcome_actions` (
	`outcome_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	PRIMARY KEY(`outcome_id`, `action_id`),
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcome_actions_action_idx` ON `outcome_actions` (`action_id`);--> statement-breakpoint
CREATE TABLE `outcome_events` (
	`outcome_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	PRIMARY KEY(`outcome_id`, `event_id`),
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcome_events_event_idx` ON `outcome_events` (`event_id`);--> statement-breakpoint
CREATE TABLE `outcome_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outcome_id` integer NOT NULL,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`width` integer,
	`height` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_files_stored_name_unique` ON `outcome_files` (`stored_name`);--> statement-breakpoint
CREATE INDEX `outcome_files_outcome_idx` ON `outcome_files` (`outcome_id`);--> statement-breakpoint
CREATE TABLE `outcome_stakeholders` (
	`outcome_id` integer NOT NULL,
	`stakeholder_id` integer NOT NULL,
	PRIMARY KEY(`outcome_id`, `stakeholder_id`),
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcome_stakeholders_stakeholder_idx` ON `outcome_stakeholders` (`stakeholder_id`);--> statement-breakpoint
CREATE TABLE `outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`evidence_url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`return_comment` text,
	`verified_at` text,
	`verified_by` integer,
	`created_by` integer,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcomes_status_date_idx` ON `outcomes` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `outcomes_partner_date_idx` ON `outcomes` (`partner_id`,`date`);--> statement-breakpoint
CREATE INDEX `outcomes_type_date_idx` ON `outcomes` (`type`,`date`);--> statement-breakpoint
CREATE TABLE `result_indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`evidence_url` text,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `result_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `result_indicator_values_indicator_idx` ON `result_indicator_values` (`indicator_id`,`date`);--> statement-breakpoint
CREATE TABLE `result_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`unit` text NOT NULL,
	`baseline_value` real DEFAULT 0 NOT NULL,
	`baseline_date` text,
	`target` real,
	`source` text,
	`method` text NOT NULL,
	`outcome_types` text DEFAULT '[]' NOT NULL,
	`counts` text DEFAULT 'organisations' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `result_indicators_code_unique` ON `result_indicators` (`code`);--> statement-breakpoint
CREATE TABLE `value_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_month` text NOT NULL,
	`to_month` text NOT NULL,
	`intro_en` text,
	`intro_es` text,
	`outcome_ids` text,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `value_reports_period_idx` ON `value_reports` (`from_month`,`to_month`);--> statement-breakpoint
-- Hand-written: the programme's result indicators every project reports on (computed from verified outcomes).
INSERT INTO `result_indicators` (`code`, `kind`, `name`, `definition`, `unit`, `baseline_value`, `source`, `method`, `outcome_types`, `counts`, `sort_order`) VALUES
('RCR79', 'programme', 'Joint strategies and action plans taken up by organisations', 'Distinct organisations (stakeholders) involved in verified outcomes of type "policy or plan changed" or "practice transferred or adopted". An organisation counts once, however many outcomes name it.', 'organisations', 0, 'Verified outcomes in Ripple', 'computed', '["policy_changed","practice_adopted"]', 'organisations', 1),
('RCR84', 'programme', 'Organisations cooperating across borders after project completion', 'Distinct organisations (stakeholders) involved in verified outcomes of type "partnership formed" or "network membership". An organisation counts once.', 'organisations', 0, 'Verified outcomes in Ripple', 'computed', '["partnership","network"]', 'organisations', 2),
('RCR104', 'programme', 'Solutions taken up or up-scaled by organisations', 'Distinct organisations (stakeholders) involved in verified outcomes of type "practice transferred or adopted". An organisation counts once.', 'solutions', 0, 'Verified outcomes in Ripple', 'computed', '["practice_adopted"]', 'organisations', 3);
