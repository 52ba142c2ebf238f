-- Replaces the list indexes of 0005 with partial ones over live (not archived) actions, so the
-- list pages and counts at a million actions read index entries rather than table rows.
DROP INDEX `actions_type_date_idx`;--> statement-breakpoint
DROP INDEX `actions_channel_date_idx`;--> statement-breakpoint
DROP INDEX `actions_partner_status_date_idx`;--> statement-breakpoint
CREATE INDEX `actions_live_date_idx` ON `actions` (`date`) WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX `actions_live_status_date_idx` ON `actions` (`status`,`date`) WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX `actions_live_type_date_idx` ON `actions` (`type_id`,`date`) WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX `actions_live_channel_date_idx` ON `actions` (`channel_id`,`date`) WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX `actions_live_partner_status_date_idx` ON `actions` (`partner_id`,`status`,`date`) WHERE archived_at is null;