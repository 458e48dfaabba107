-- A piece's zone becomes a list of rectangles (an L-shaped story has two or more); the old
-- single rectangle moves into the list, then its columns go.
ALTER TABLE `pieces` ADD `zones` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
UPDATE `pieces` SET `zones` = json_array(json_object('x', `x`, 'y', `y`, 'w', `w`, 'h', `h`))
  WHERE `x` IS NOT NULL AND `y` IS NOT NULL AND `w` IS NOT NULL AND `h` IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `pieces` DROP COLUMN `x`;
--> statement-breakpoint
ALTER TABLE `pieces` DROP COLUMN `y`;
--> statement-breakpoint
ALTER TABLE `pieces` DROP COLUMN `w`;
--> statement-breakpoint
ALTER TABLE `pieces` DROP COLUMN `h`;
--> statement-breakpoint
-- What the importer read for this piece (fields, paragraphs, zones and a hash of its text), so a
-- re-sent page can tell the editor's fixes from the importer's guesses.
ALTER TABLE `pieces` ADD `imported` text;
--> statement-breakpoint
-- The last import's report for a page: text layer, counts, doubts, what changed.
ALTER TABLE `pages` ADD `import_report` text;
--> statement-breakpoint
-- The page's printed lines with their boxes (fractions of the page, origin top-left), for ALTO
-- and for showing search hits on the page image.
CREATE TABLE `page_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`w` real NOT NULL,
	`h` real NOT NULL,
	`size` real NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_lines_page_seq` ON `page_lines` (`page_id`,`seq`);
