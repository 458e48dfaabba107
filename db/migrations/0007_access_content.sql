-- A paper's access policy decides what every anonymous visitor's page shows (a gated story's
-- opening or its whole text), so changing it is a change of published content: it moves the
-- content stamp like the triggers of 0003, and cached reader pages follow within a second.
CREATE TRIGGER `content_paper_access_insert` AFTER INSERT ON `paper_access` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_paper_access_update` AFTER UPDATE ON `paper_access` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_paper_access_delete` AFTER DELETE ON `paper_access` FOR EACH ROW BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
-- A published page's printed lines (ALTO, search hits on the page image) are content too.
CREATE TRIGGER `content_page_lines_insert` AFTER INSERT ON `page_lines` FOR EACH ROW WHEN (SELECT i.`status` FROM `pages` p JOIN `issues` i ON i.`id` = p.`issue_id` WHERE p.`id` = new.`page_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_page_lines_update` AFTER UPDATE ON `page_lines` FOR EACH ROW WHEN (SELECT i.`status` FROM `pages` p JOIN `issues` i ON i.`id` = p.`issue_id` WHERE p.`id` = new.`page_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_page_lines_delete` AFTER DELETE ON `page_lines` FOR EACH ROW WHEN (SELECT i.`status` FROM `pages` p JOIN `issues` i ON i.`id` = p.`issue_id` WHERE p.`id` = old.`page_id`) = 'published' BEGIN
	UPDATE `content_version` SET `version` = `version` + 1, `stamp` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
