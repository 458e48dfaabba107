-- What readers see changes only with this row. Every write to published content, by any writer
-- (the app, the CLI, another instance, a restored backup written through SQLite), changes `stamp`
-- in the same transaction, through the triggers below; the response cache stamps each page with
-- the value it was rendered at. `stamp` is random, so a value names one state of the content:
-- a backup restored with an older stamp can never be mistaken for a newer state.
-- Drafts do not bump it: an editor building tomorrow's issue does not empty readers' cache.
CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`version` integer NOT NULL,
	`stamp` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `content_version` (`id`, `version`, `stamp`) VALUES (1, 1, lower(hex(randomblob(8))));
--> statement-breakpoint
CREATE TRIGGER `content_papers_insert` AFTER INSERT ON `papers` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_papers_update` AFTER UPDATE ON `papers` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_papers_delete` AFTER DELETE ON `papers` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_issues_insert` AFTER INSERT ON `issues` FOR EACH ROW WHEN new.`status` = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_issues_update` AFTER UPDATE ON `issues` FOR EACH ROW WHEN old.`status` = 'published' OR new.`status` = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_issues_delete` AFTER DELETE ON `issues` FOR EACH ROW WHEN old.`status` = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pages_insert` AFTER INSERT ON `pages` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = new.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pages_update` AFTER UPDATE ON `pages` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = old.`issue_id`) = 'published' OR (SELECT `status` FROM `issues` WHERE `id` = new.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pages_delete` AFTER DELETE ON `pages` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = old.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_articles_insert` AFTER INSERT ON `articles` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = new.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_articles_update` AFTER UPDATE ON `articles` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = old.`issue_id`) = 'published' OR (SELECT `status` FROM `issues` WHERE `id` = new.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_articles_delete` AFTER DELETE ON `articles` FOR EACH ROW WHEN (SELECT `status` FROM `issues` WHERE `id` = old.`issue_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pieces_insert` AFTER INSERT ON `pieces` FOR EACH ROW WHEN (SELECT i.`status` FROM `articles` a JOIN `issues` i ON i.`id` = a.`issue_id` WHERE a.`id` = new.`article_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pieces_update` AFTER UPDATE ON `pieces` FOR EACH ROW WHEN (SELECT i.`status` FROM `articles` a JOIN `issues` i ON i.`id` = a.`issue_id` WHERE a.`id` = old.`article_id`) = 'published' OR (SELECT i.`status` FROM `articles` a JOIN `issues` i ON i.`id` = a.`issue_id` WHERE a.`id` = new.`article_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_pieces_delete` AFTER DELETE ON `pieces` FOR EACH ROW WHEN (SELECT i.`status` FROM `articles` a JOIN `issues` i ON i.`id` = a.`issue_id` WHERE a.`id` = old.`article_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
-- Search results are reader pages too; the index can change without content (a tokenizer rebuild).
--> statement-breakpoint
CREATE TRIGGER `content_search_docs_insert` AFTER INSERT ON `search_docs` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_search_docs_update` AFTER UPDATE ON `search_docs` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_search_docs_delete` AFTER DELETE ON `search_docs` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
