CREATE INDEX `stakeholders_active_name_idx` ON `stakeholders` (`archived_at`,`name_key`);--> statement-breakpoint
CREATE INDEX `stakeholders_active_updated_idx` ON `stakeholders` (`archived_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `stakeholders_active_created_idx` ON `stakeholders` (`archived_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `stakeholders_active_country_idx` ON `stakeholders` (`archived_at`,`country`,`name_key`);