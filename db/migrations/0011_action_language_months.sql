CREATE TABLE `action_language_months` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`language` text NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `language`)
);
--> statement-breakpoint
-- Kept current by triggers, like stakeholder_reach_months (0010).
CREATE TRIGGER `action_language_months_link_insert` AFTER INSERT ON `action_languages` BEGIN
  INSERT INTO action_language_months (status, month, language, actions)
    SELECT a.status, a.month, new.language, 1 FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_link_delete` AFTER DELETE ON `action_languages` BEGIN
  UPDATE action_language_months SET actions = actions - 1
    WHERE language = old.language
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM action_language_months WHERE language = old.language AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_link_update` AFTER UPDATE OF action_id, language ON `action_languages` BEGIN
  UPDATE action_language_months SET actions = actions - 1
    WHERE language = old.language
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM action_language_months WHERE language = old.language AND actions <= 0;
  INSERT INTO action_language_months (status, month, language, actions)
    SELECT a.status, a.month, new.language, 1 FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_action_update` AFTER UPDATE OF status, month, archived_at ON `actions` BEGIN
  UPDATE action_language_months SET actions = actions - 1
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month
      AND language IN (SELECT l.language FROM action_languages l WHERE l.action_id = old.id);
  DELETE FROM action_language_months WHERE status = old.status AND month = old.month AND actions <= 0;
  INSERT INTO action_language_months (status, month, language, actions)
    SELECT new.status, new.month, l.language, 1 FROM action_languages l WHERE l.action_id = new.id AND new.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
INSERT INTO action_language_months (status, month, language, actions)
  SELECT a.status, a.month, l.language, count(*) FROM action_languages l JOIN actions a ON a.id = l.action_id
  WHERE a.archived_at IS NULL GROUP BY a.status, a.month, l.language;
