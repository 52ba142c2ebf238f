ALTER TABLE `actions` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `actions_created_by_client_key_idx` ON `actions` (`created_by`,`client_key`) WHERE client_key is not null;