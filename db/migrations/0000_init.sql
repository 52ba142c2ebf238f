CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`entity` text NOT NULL,
	`entity_id` integer,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`summary` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`action_id` integer,
	`message` text,
	`read_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`city` text,
	`role` text DEFAULT 'partner' NOT NULL,
	`website` text,
	`social_accounts` text DEFAULT '{}' NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`acronym` text,
	`description` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`working_languages` text DEFAULT '[]' NOT NULL,
	`reporting_periods` text DEFAULT '[]' NOT NULL,
	`stakeholder_edit_policy` text DEFAULT 'owner' NOT NULL,
	`tier_a_threshold` real DEFAULT 70 NOT NULL,
	`tier_b_threshold` real DEFAULT 45 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`partner_id` integer,
	`locale` text DEFAULT 'en' NOT NULL,
	`action_form_memory` text DEFAULT '{}' NOT NULL,
	`deactivated_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stakeholder_id` integer,
	`name` text NOT NULL,
	`position` text,
	`email` text,
	`email_key` text,
	`phone` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`lawful_basis` text DEFAULT 'legitimate_interest' NOT NULL,
	`basis_obtained_at` text,
	`basis_source` text,
	`do_not_contact` integer DEFAULT false NOT NULL,
	`notes` text,
	`erased_at` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_stakeholder_idx` ON `contacts` (`stakeholder_id`);--> statement-breakpoint
CREATE INDEX `contacts_email_key_idx` ON `contacts` (`email_key`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`partner_id` integer,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`content` blob NOT NULL,
	`format` text,
	`headers` text,
	`mapping` text,
	`decisions` text,
	`status` text DEFAULT 'uploaded' NOT NULL,
	`report` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_jobs_user_idx` ON `import_jobs` (`user_id`);--> statement-breakpoint
CREATE TABLE `stakeholder_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`is_funded_project` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stakeholder_themes` (
	`stakeholder_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`stakeholder_id`, `theme_id`),
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stakeholder_themes_theme_idx` ON `stakeholder_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `stakeholders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`acronym` text,
	`category_id` integer NOT NULL,
	`programme` text,
	`period` text,
	`scale` text,
	`country` text,
	`city` text,
	`website` text,
	`web_domain` text,
	`description` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`owner_partner_id` integer,
	`stage` text DEFAULT 'identified' NOT NULL,
	`name_key` text NOT NULL,
	`search_text` text NOT NULL,
	`created_by` integer,
	`archived_at` text,
	`merged_into_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `stakeholder_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stakeholders_name_key_idx` ON `stakeholders` (`name_key`);--> statement-breakpoint
CREATE INDEX `stakeholders_web_domain_idx` ON `stakeholders` (`web_domain`);--> statement-breakpoint
CREATE INDEX `stakeholders_category_idx` ON `stakeholders` (`category_id`);--> statement-breakpoint
CREATE INDEX `stakeholders_owner_idx` ON `stakeholders` (`owner_partner_id`);--> statement-breakpoint
CREATE INDEX `stakeholders_country_idx` ON `stakeholders` (`country`);--> statement-breakpoint
CREATE INDEX `stakeholders_stage_idx` ON `stakeholders` (`stage`);--> statement-breakpoint
CREATE INDEX `stakeholders_created_idx` ON `stakeholders` (`created_at`);--> statement-breakpoint
CREATE TABLE `action_evidence` (
	`action_id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`title` text,
	`description` text,
	`image_url` text,
	`site_name` text,
	`metrics` text,
	`error` text,
	`fetched_at` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `action_languages` (
	`action_id` integer NOT NULL,
	`language` text NOT NULL,
	PRIMARY KEY(`action_id`, `language`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_languages_language_idx` ON `action_languages` (`language`);--> statement-breakpoint
CREATE TABLE `action_stakeholders` (
	`action_id` integer NOT NULL,
	`stakeholder_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `stakeholder_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_stakeholders_stakeholder_idx` ON `action_stakeholders` (`stakeholder_id`);--> statement-breakpoint
CREATE TABLE `action_themes` (
	`action_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `theme_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_themes_theme_idx` ON `action_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `action_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`created_by` integer,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`type_id` integer NOT NULL,
	`channel_id` integer,
	`title` text NOT NULL,
	`description` text,
	`evidence_url` text,
	`participants` integer,
	`online_reach` integer,
	`engagements` integer,
	`status` text DEFAULT 'submitted' NOT NULL,
	`return_comment` text,
	`submitted_at` text,
	`validated_at` text,
	`validated_by` integer,
	`event_id` integer,
	`activity_id` integer,
	`material_id` integer,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`type_id`) REFERENCES `action_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `planned_activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`material_id`) REFERENCES `materials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_month_status_idx` ON `actions` (`month`,`status`);--> statement-breakpoint
CREATE INDEX `actions_status_date_idx` ON `actions` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `actions_partner_date_idx` ON `actions` (`partner_id`,`date`);--> statement-breakpoint
CREATE INDEX `actions_date_idx` ON `actions` (`date`);--> statement-breakpoint
CREATE INDEX `actions_type_idx` ON `actions` (`type_id`);--> statement-breakpoint
CREATE INDEX `actions_channel_idx` ON `actions` (`channel_id`);--> statement-breakpoint
CREATE INDEX `actions_event_idx` ON `actions` (`event_id`);--> statement-breakpoint
CREATE INDEX `actions_activity_idx` ON `actions` (`activity_id`);--> statement-breakpoint
CREATE TABLE `channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`description` text,
	`weight` real DEFAULT 1 NOT NULL,
	`grid_axis` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `engagement_strategies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quadrant` text,
	`group_id` integer,
	`methods` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stakeholder_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`value` integer NOT NULL,
	`rationale` text,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`superseded_at` text,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scores_current_idx` ON `scores` (`stakeholder_id`,`criterion_id`,`superseded_at`);--> statement-breakpoint
CREATE INDEX `scores_criterion_idx` ON `scores` (`criterion_id`);--> statement-breakpoint
CREATE TABLE `stakeholder_priority` (
	`stakeholder_id` integer PRIMARY KEY NOT NULL,
	`score` real NOT NULL,
	`tier` text NOT NULL,
	`previous_score` real,
	`influence` real,
	`interest` real,
	`scored_at` text NOT NULL,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stakeholder_priority_tier_idx` ON `stakeholder_priority` (`tier`,`score`);--> statement-breakpoint
CREATE INDEX `stakeholder_priority_score_idx` ON `stakeholder_priority` (`score`);--> statement-breakpoint
CREATE TABLE `strategy_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`strategy_id` integer NOT NULL,
	`language` text NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`strategy_id`) REFERENCES `engagement_strategies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `strategy_messages_strategy_idx` ON `strategy_messages` (`strategy_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`theme_id` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	`place` text,
	`online` integer DEFAULT false NOT NULL,
	`host_partner_id` integer,
	`registrations` integer,
	`attendance` integer,
	`description` text,
	`plan_target_group_ids` text,
	`plan_messages` text,
	`plan_notes` text,
	`cross_border` integer DEFAULT true NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_start_idx` ON `events` (`start_date`);--> statement-breakpoint
CREATE TABLE `indicator_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator` text NOT NULL,
	`type_id` integer,
	`event_kind` text
);
--> statement-breakpoint
CREATE TABLE `material_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `materials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`url` text,
	`file_id` integer,
	`version` text DEFAULT '1' NOT NULL,
	`description` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `material_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_section_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`body` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_section_versions_section_idx` ON `plan_section_versions` (`section_id`);--> statement-breakpoint
CREATE TABLE `plan_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_sections_key_unique` ON `plan_sections` (`key`);--> statement-breakpoint
CREATE TABLE `planned_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`partner_id` integer,
	`due_date` text NOT NULL,
	`type_id` integer,
	`channel_id` integer,
	`group_id` integer,
	`event_id` integer,
	`phase` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `planned_activities_due_idx` ON `planned_activities` (`due_date`);--> statement-breakpoint
CREATE INDEX `planned_activities_event_idx` ON `planned_activities` (`event_id`);--> statement-breakpoint
CREATE TABLE `stakeholder_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`filter` text NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text,
	`metric` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`breakdown` text,
	`breakdown_value` text,
	`value` real NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
