ALTER TABLE `materials` ADD `status` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `materials` ADD `partner_id` integer REFERENCES partners(id);--> statement-breakpoint
ALTER TABLE `materials` ADD `uploaded_by` integer REFERENCES users(id);