-- A piece linked to the story before it by reading order alone (or by a doubtful headline match)
-- waits for an editor's confirmation; publishing asks for it.
ALTER TABLE `pieces` ADD `link_uncertain` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- Newsroom sessions end after a spell of inactivity, not only at their absolute expiry.
ALTER TABLE `sessions` ADD `last_seen_at` text;
--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);
--> statement-breakpoint
-- Failures count within a fixed window from the first one: a guess an hour must not keep a lock alive.
ALTER TABLE `signin_throttle` ADD `first_failure_at` text;
--> statement-breakpoint
CREATE INDEX `signin_throttle_first_failure` ON `signin_throttle` (`first_failure_at`);
