ALTER TABLE `project` ADD `grid_influence_cutoff` real DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `project` ADD `grid_interest_cutoff` real DEFAULT 3 NOT NULL;