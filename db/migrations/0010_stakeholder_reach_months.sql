CREATE TABLE `stakeholder_reach_months` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`stakeholder_id` integer NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `stakeholder_id`)
);
--> statement-breakpoint
CREATE INDEX `stakeholder_reach_months_stakeholder_idx` ON `stakeholder_reach_months` (`stakeholder_id`,`status`,`month`);--> statement-breakpoint
-- Kept current by triggers: a link added or removed, or its action's status, month, archive or
-- restore changed, moves the stakeholder's count between rows; rows that drop to zero are removed.
CREATE TRIGGER `stakeholder_reach_months_link_insert` AFTER INSERT ON `action_stakeholders` BEGIN
  INSERT INTO stakeholder_reach_months (status, month, stakeholder_id, actions)
    SELECT a.status, a.month, new.stakeholder_id, 1 FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, stakeholder_id) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_link_delete` AFTER DELETE ON `action_stakeholders` BEGIN
  UPDATE stakeholder_reach_months SET actions = actions - 1
    WHERE stakeholder_id = old.stakeholder_id
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM stakeholder_reach_months WHERE stakeholder_id = old.stakeholder_id AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_link_update` AFTER UPDATE OF action_id, stakeholder_id ON `action_stakeholders` BEGIN
  UPDATE stakeholder_reach_months SET actions = actions - 1
    WHERE stakeholder_id = old.stakeholder_id
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM stakeholder_reach_months WHERE stakeholder_id = old.stakeholder_id AND actions <= 0;
  INSERT INTO stakeholder_reach_months (status, month, stakeholder_id, actions)
    SELECT a.status, a.month, new.stakeholder_id, 1 FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, stakeholder_id) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_action_update` AFTER UPDATE OF status, month, archived_at ON `actions` BEGIN
  UPDATE stakeholder_reach_months SET actions = actions - 1
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month
      AND stakeholder_id IN (SELECT x.stakeholder_id FROM action_stakeholders x WHERE x.action_id = old.id);
  DELETE FROM stakeholder_reach_months WHERE status = old.status AND month = old.month AND actions <= 0
      AND stakeholder_id IN (SELECT x.stakeholder_id FROM action_stakeholders x WHERE x.action_id = old.id);
  INSERT INTO stakeholder_reach_months (status, month, stakeholder_id, actions)
    SELECT new.status, new.month, x.stakeholder_id, 1 FROM action_stakeholders x WHERE x.action_id = new.id AND new.archived_at IS NULL
    ON CONFLICT (status, month, stakeholder_id) DO UPDATE SET actions = actions + 1;
END;
--> statement-breakpoint
INSERT INTO stakeholder_reach_months (status, month, stakeholder_id, actions)
  SELECT a.status, a.month, x.stakeholder_id, count(*) FROM action_stakeholders x JOIN actions a ON a.id = x.action_id
  WHERE a.archived_at IS NULL GROUP BY a.status, a.month, x.stakeholder_id;
