CREATE TABLE `event_feedback` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`conclusions` text,
	`satisfaction_responses` integer,
	`satisfaction_average` real,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `event_participants` (
	`event_id` integer NOT NULL,
	`stakeholder_id` integer NOT NULL,
	PRIMARY KEY(`event_id`, `stakeholder_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_participants_stakeholder_idx` ON `event_participants` (`stakeholder_id`);--> statement-breakpoint
CREATE TABLE `event_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`email_key` text,
	`organisation` text,
	`consent` integer DEFAULT false NOT NULL,
	`consent_at` text,
	`consent_wording` text,
	`attended` integer DEFAULT false NOT NULL,
	`contact_id` integer,
	`proposed_stakeholder_id` integer,
	`import_job_id` integer,
	`created_by` integer,
	`erased_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_registrations_event_idx` ON `event_registrations` (`event_id`);--> statement-breakpoint
CREATE INDEX `event_registrations_email_key_idx` ON `event_registrations` (`email_key`);--> statement-breakpoint
CREATE INDEX `event_registrations_contact_idx` ON `event_registrations` (`contact_id`);