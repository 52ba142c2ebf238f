CREATE INDEX `actions_type_date_idx` ON `actions` (`type_id`,`date`);--> statement-breakpoint
CREATE INDEX `actions_channel_date_idx` ON `actions` (`channel_id`,`date`);--> statement-breakpoint
CREATE INDEX `actions_partner_status_date_idx` ON `actions` (`partner_id`,`status`,`date`);