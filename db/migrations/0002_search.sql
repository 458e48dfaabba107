CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`paper_id` integer NOT NULL,
	`issue_id` integer NOT NULL,
	`date` text NOT NULL,
	`page_label` text NOT NULL,
	`section` text,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_article_id_unique` ON `search_docs` (`article_id`);--> statement-breakpoint
CREATE INDEX `search_docs_issue` ON `search_docs` (`issue_id`);--> statement-breakpoint
CREATE TABLE `search_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- Hand-written below this line (drizzle-kit cannot generate virtual tables or triggers).
-- The full-text index: pre-segmented text (jieba tokens joined by spaces), so unicode61 only has
-- to split on spaces. Contentless: the text lives in pieces; rowid = search_docs.doc_id.
CREATE VIRTUAL TABLE `search_fts` USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_docs_after_delete` AFTER DELETE ON `search_docs` BEGIN
	DELETE FROM `search_fts` WHERE rowid = old.doc_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_articles_after_delete` AFTER DELETE ON `articles` BEGIN
	DELETE FROM `search_docs` WHERE article_id = old.id;
END;
--> statement-breakpoint
-- Drafts are never findable, whichever code path unpublishes or deletes an issue.
CREATE TRIGGER `search_issues_after_unpublish` AFTER UPDATE OF `status` ON `issues` WHEN new.status <> 'published' BEGIN
	DELETE FROM `search_docs` WHERE issue_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_after_delete` AFTER DELETE ON `issues` BEGIN
	DELETE FROM `search_docs` WHERE issue_id = old.id;
END;
--> statement-breakpoint
-- Doc ids encode the date: an issue moved to another date (or paper) leaves the index until reindexed.
CREATE TRIGGER `search_issues_after_move` AFTER UPDATE OF `date`, `paper_id` ON `issues` BEGIN
	DELETE FROM `search_docs` WHERE issue_id = new.id;
END;
