CREATE TABLE `import_value_choices` (
	`user_id` integer NOT NULL,
	`field` text NOT NULL,
	`value_key` text NOT NULL,
	`target` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `field`, `value_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
