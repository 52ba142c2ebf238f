CREATE TABLE `action_month_totals` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`channel_id` integer DEFAULT 0 NOT NULL,
	`type_id` integer NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`online_reach` integer DEFAULT 0 NOT NULL,
	`engagements` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `channel_id`, `type_id`)
);
--> statement-breakpoint
-- Kept current by triggers: every insert, update (status, month, channel, type, figures, archive
-- and restore) and delete of an action moves its figures between rows; rows that drop to zero
-- actions are removed.
CREATE TRIGGER `action_month_totals_insert` AFTER INSERT ON `actions` WHEN new.archived_at IS NULL BEGIN
  INSERT INTO action_month_totals (status, month, channel_id, type_id, actions, participants, online_reach, engagements)
    VALUES (new.status, new.month, coalesce(new.channel_id, 0), new.type_id, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0))
    ON CONFLICT (status, month, channel_id, type_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_month_totals_delete` AFTER DELETE ON `actions` WHEN old.archived_at IS NULL BEGIN
  UPDATE action_month_totals SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE status = old.status AND month = old.month AND channel_id = coalesce(old.channel_id, 0) AND type_id = old.type_id;
  DELETE FROM action_month_totals WHERE status = old.status AND month = old.month AND channel_id = coalesce(old.channel_id, 0) AND type_id = old.type_id AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `action_month_totals_update` AFTER UPDATE OF status, month, channel_id, type_id, participants, online_reach, engagements, archived_at ON `actions` BEGIN
  UPDATE action_month_totals SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month AND channel_id = coalesce(old.channel_id, 0) AND type_id = old.type_id;
  DELETE FROM action_month_totals WHERE status = old.status AND month = old.month AND channel_id = coalesce(old.channel_id, 0) AND type_id = old.type_id AND actions <= 0;
  INSERT INTO action_month_totals (status, month, channel_id, type_id, actions, participants, online_reach, engagements)
    SELECT new.status, new.month, coalesce(new.channel_id, 0), new.type_id, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0)
    WHERE new.archived_at IS NULL
    ON CONFLICT (status, month, channel_id, type_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
INSERT INTO action_month_totals (status, month, channel_id, type_id, actions, participants, online_reach, engagements)
  SELECT status, month, coalesce(channel_id, 0), type_id, count(*), coalesce(sum(participants), 0), coalesce(sum(online_reach), 0), coalesce(sum(engagements), 0)
  FROM actions WHERE archived_at IS NULL GROUP BY status, month, coalesce(channel_id, 0), type_id;
