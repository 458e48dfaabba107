CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`kicker` text,
	`title` text,
	`subtitle` text,
	`column` text,
	`byline` text,
	`images` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `articles_issue` ON `articles` (`issue_id`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`date` text NOT NULL,
	`number` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` text,
	`scheduled_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_paper_date` ON `issues` (`paper_id`,`date`);--> statement-breakpoint
CREATE INDEX `issues_paper_status_date` ON `issues` (`paper_id`,`status`,`date`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	`section` text,
	`image_path` text,
	`image_width` integer,
	`image_height` integer,
	`pdf_path` text,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_issue_label` ON `pages` (`issue_id`,`label`);--> statement-breakpoint
CREATE INDEX `pages_issue_position` ON `pages` (`issue_id`,`position`);--> statement-breakpoint
CREATE TABLE `papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`motto` text,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `papers_slug_unique` ON `papers` (`slug`);--> statement-breakpoint
CREATE TABLE `pieces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`page_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`position` integer NOT NULL,
	`headline` text,
	`paragraphs` text NOT NULL,
	`jump_to` text,
	`jump_from` text,
	`x` real,
	`y` real,
	`w` real,
	`h` real,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pieces_article_seq` ON `pieces` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `pieces_page_position` ON `pieces` (`page_id`,`position`);