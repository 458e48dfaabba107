-- Readers (subscribers) are apart from the newsroom: their own accounts, sessions and data.
CREATE TABLE `readers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `readers_email_unique` ON `readers` (`email`);--> statement-breakpoint
CREATE TABLE `reader_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`reader_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reader_sessions_reader` ON `reader_sessions` (`reader_id`);--> statement-breakpoint
CREATE TABLE `paper_access` (
	`paper_id` integer PRIMARY KEY NOT NULL,
	`policy` text DEFAULT 'open' NOT NULL,
	`free_days` integer DEFAULT 0 NOT NULL,
	`free_pages` text DEFAULT '[]' NOT NULL,
	`meter` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reader_id` integer NOT NULL,
	`paper_id` integer NOT NULL,
	`plan` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`source` text NOT NULL,
	`source_ref` text,
	`revoked_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscriptions_reader_paper` ON `subscriptions` (`reader_id`,`paper_id`,`ends_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_source_ref` ON `subscriptions` (`source`,`source_ref`);--> statement-breakpoint
CREATE TABLE `code_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`plan` text NOT NULL,
	`days` integer NOT NULL,
	`count` integer NOT NULL,
	`redeem_by` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activation_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`code` text NOT NULL,
	`used_at` text,
	`used_by` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `code_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`used_by`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activation_codes_code_unique` ON `activation_codes` (`code`);--> statement-breakpoint
CREATE INDEX `activation_codes_batch` ON `activation_codes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `reader_bookmarks` (
	`reader_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`reader_id`, `article_id`),
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reader_history` (
	`reader_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`read_at` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`reader_id`, `article_id`),
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reader_history_recent` ON `reader_history` (`reader_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `reader_prefs` (
	`reader_id` integer PRIMARY KEY NOT NULL,
	`prefs` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reader_meter` (
	`reader_id` integer NOT NULL,
	`paper_id` integer NOT NULL,
	`month` text NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`reader_id`, `paper_id`, `month`, `article_id`),
	FOREIGN KEY (`reader_id`) REFERENCES `readers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
