CREATE TABLE `action_category_months` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`category_id` integer NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`online_reach` integer DEFAULT 0 NOT NULL,
	`engagements` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `category_id`)
);
--> statement-breakpoint
CREATE TABLE `action_partner_months` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`partner_id` integer NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`online_reach` integer DEFAULT 0 NOT NULL,
	`engagements` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `partner_id`)
);
--> statement-breakpoint
CREATE TABLE `category_reach_months` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`category_id` integer NOT NULL,
	`stakeholders` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`status`, `month`, `category_id`)
);
--> statement-breakpoint
CREATE TABLE `reach_month_versions` (
	`status` text NOT NULL,
	`month` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`status`, `month`)
);
--> statement-breakpoint
ALTER TABLE `action_language_months` ADD `participants` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `action_language_months` ADD `online_reach` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `action_language_months` ADD `engagements` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stakeholder_reach_months` ADD `last_date` text;--> statement-breakpoint
-- Hand-written below: stakeholder_reach_months learns each row's latest action date, then the
-- triggers that keep the roll-ups current, then their backfill.
-- The latest date is recomputed whenever a row's count changes (a link or an action moved in or
-- out), and when an action's date moves within its month.
DELETE FROM stakeholder_reach_months;--> statement-breakpoint
INSERT INTO stakeholder_reach_months (status, month, stakeholder_id, actions, last_date)
  SELECT a.status, a.month, x.stakeholder_id, count(*), max(a.date) FROM action_stakeholders x JOIN actions a ON a.id = x.action_id
  WHERE a.archived_at IS NULL GROUP BY a.status, a.month, x.stakeholder_id;--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_last_date_insert` AFTER INSERT ON `stakeholder_reach_months` BEGIN
  UPDATE stakeholder_reach_months SET last_date = (
      SELECT max(a.date) FROM action_stakeholders x JOIN actions a ON a.id = x.action_id
      WHERE x.stakeholder_id = new.stakeholder_id AND a.status = new.status AND a.month = new.month AND a.archived_at IS NULL)
    WHERE status = new.status AND month = new.month AND stakeholder_id = new.stakeholder_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_last_date_update` AFTER UPDATE OF actions ON `stakeholder_reach_months` BEGIN
  UPDATE stakeholder_reach_months SET last_date = (
      SELECT max(a.date) FROM action_stakeholders x JOIN actions a ON a.id = x.action_id
      WHERE x.stakeholder_id = new.stakeholder_id AND a.status = new.status AND a.month = new.month AND a.archived_at IS NULL)
    WHERE status = new.status AND month = new.month AND stakeholder_id = new.stakeholder_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholder_reach_months_action_date` AFTER UPDATE OF date ON `actions`
  WHEN old.date IS NOT new.date AND old.month = new.month AND new.archived_at IS NULL BEGIN
  UPDATE stakeholder_reach_months SET last_date = (
      SELECT max(a.date) FROM action_stakeholders x JOIN actions a ON a.id = x.action_id
      WHERE x.stakeholder_id = stakeholder_reach_months.stakeholder_id AND a.status = new.status AND a.month = new.month AND a.archived_at IS NULL)
    WHERE status = new.status AND month = new.month
      AND stakeholder_id IN (SELECT x.stakeholder_id FROM action_stakeholders x WHERE x.action_id = new.id);
END;
--> statement-breakpoint
-- action_language_months now carries the actions' figures: its triggers are replaced.
DROP TRIGGER `action_language_months_link_insert`;--> statement-breakpoint
DROP TRIGGER `action_language_months_link_delete`;--> statement-breakpoint
DROP TRIGGER `action_language_months_link_update`;--> statement-breakpoint
DROP TRIGGER `action_language_months_action_update`;--> statement-breakpoint
CREATE TRIGGER `action_language_months_link_insert` AFTER INSERT ON `action_languages` BEGIN
  INSERT INTO action_language_months (status, month, language, actions, participants, online_reach, engagements)
    SELECT a.status, a.month, new.language, 1, coalesce(a.participants, 0), coalesce(a.online_reach, 0), coalesce(a.engagements, 0)
    FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_link_delete` AFTER DELETE ON `action_languages` BEGIN
  UPDATE action_language_months SET actions = actions - 1,
      participants = participants - (SELECT coalesce(a.participants, 0) FROM actions a WHERE a.id = old.action_id),
      online_reach = online_reach - (SELECT coalesce(a.online_reach, 0) FROM actions a WHERE a.id = old.action_id),
      engagements = engagements - (SELECT coalesce(a.engagements, 0) FROM actions a WHERE a.id = old.action_id)
    WHERE language = old.language
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM action_language_months WHERE language = old.language AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_link_update` AFTER UPDATE OF action_id, language ON `action_languages` BEGIN
  UPDATE action_language_months SET actions = actions - 1,
      participants = participants - (SELECT coalesce(a.participants, 0) FROM actions a WHERE a.id = old.action_id),
      online_reach = online_reach - (SELECT coalesce(a.online_reach, 0) FROM actions a WHERE a.id = old.action_id),
      engagements = engagements - (SELECT coalesce(a.engagements, 0) FROM actions a WHERE a.id = old.action_id)
    WHERE language = old.language
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL);
  DELETE FROM action_language_months WHERE language = old.language AND actions <= 0;
  INSERT INTO action_language_months (status, month, language, actions, participants, online_reach, engagements)
    SELECT a.status, a.month, new.language, 1, coalesce(a.participants, 0), coalesce(a.online_reach, 0), coalesce(a.engagements, 0)
    FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_language_months_action_update` AFTER UPDATE OF status, month, archived_at, participants, online_reach, engagements ON `actions` BEGIN
  UPDATE action_language_months SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month
      AND language IN (SELECT l.language FROM action_languages l WHERE l.action_id = old.id);
  DELETE FROM action_language_months WHERE status = old.status AND month = old.month AND actions <= 0;
  INSERT INTO action_language_months (status, month, language, actions, participants, online_reach, engagements)
    SELECT new.status, new.month, l.language, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0)
    FROM action_languages l WHERE l.action_id = new.id AND new.archived_at IS NULL
    ON CONFLICT (status, month, language) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
-- action_category_months: an action counts once per category among its links' categories. A link
-- gets its category by an update right after its insert (migration 0014), so the category is
-- followed through inserts that carry one, updates of action or category, and deletes.
CREATE TRIGGER `action_category_months_link_insert` AFTER INSERT ON `action_stakeholders` WHEN new.category_id IS NOT NULL BEGIN
  INSERT INTO action_category_months (status, month, category_id, actions, participants, online_reach, engagements)
    SELECT a.status, a.month, new.category_id, 1, coalesce(a.participants, 0), coalesce(a.online_reach, 0), coalesce(a.engagements, 0)
    FROM actions a WHERE a.id = new.action_id AND a.archived_at IS NULL
      AND (SELECT count(*) FROM action_stakeholders x WHERE x.action_id = new.action_id AND x.category_id = new.category_id) = 1
    ON CONFLICT (status, month, category_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_category_months_link_delete` AFTER DELETE ON `action_stakeholders` WHEN old.category_id IS NOT NULL BEGIN
  UPDATE action_category_months SET actions = actions - 1,
      participants = participants - (SELECT coalesce(a.participants, 0) FROM actions a WHERE a.id = old.action_id),
      online_reach = online_reach - (SELECT coalesce(a.online_reach, 0) FROM actions a WHERE a.id = old.action_id),
      engagements = engagements - (SELECT coalesce(a.engagements, 0) FROM actions a WHERE a.id = old.action_id)
    WHERE category_id = old.category_id
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM action_stakeholders x WHERE x.action_id = old.action_id AND x.category_id = old.category_id);
  DELETE FROM action_category_months WHERE category_id = old.category_id AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `action_category_months_link_update` AFTER UPDATE OF action_id, category_id ON `action_stakeholders`
  WHEN old.action_id IS NOT new.action_id OR old.category_id IS NOT new.category_id BEGIN
  UPDATE action_category_months SET actions = actions - 1,
      participants = participants - (SELECT coalesce(a.participants, 0) FROM actions a WHERE a.id = old.action_id),
      online_reach = online_reach - (SELECT coalesce(a.online_reach, 0) FROM actions a WHERE a.id = old.action_id),
      engagements = engagements - (SELECT coalesce(a.engagements, 0) FROM actions a WHERE a.id = old.action_id)
    WHERE old.category_id IS NOT NULL AND category_id = old.category_id
      AND (status, month) = (SELECT a.status, a.month FROM actions a WHERE a.id = old.action_id AND a.archived_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM action_stakeholders x WHERE x.action_id = old.action_id AND x.category_id = old.category_id);
  DELETE FROM action_category_months WHERE category_id = old.category_id AND actions <= 0;
  INSERT INTO action_category_months (status, month, category_id, actions, participants, online_reach, engagements)
    SELECT a.status, a.month, new.category_id, 1, coalesce(a.participants, 0), coalesce(a.online_reach, 0), coalesce(a.engagements, 0)
    FROM actions a WHERE new.category_id IS NOT NULL AND a.id = new.action_id AND a.archived_at IS NULL
      AND (SELECT count(*) FROM action_stakeholders x WHERE x.action_id = new.action_id AND x.category_id = new.category_id) = 1
    ON CONFLICT (status, month, category_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_category_months_action_update` AFTER UPDATE OF status, month, archived_at, participants, online_reach, engagements ON `actions` BEGIN
  UPDATE action_category_months SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month
      AND category_id IN (SELECT x.category_id FROM action_stakeholders x WHERE x.action_id = old.id);
  DELETE FROM action_category_months WHERE status = old.status AND month = old.month AND actions <= 0;
  INSERT INTO action_category_months (status, month, category_id, actions, participants, online_reach, engagements)
    SELECT new.status, new.month, c.category_id, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0)
    FROM (SELECT DISTINCT x.category_id FROM action_stakeholders x WHERE x.action_id = new.id AND x.category_id IS NOT NULL) c
    WHERE new.archived_at IS NULL
    ON CONFLICT (status, month, category_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
-- category_reach_months: a row of stakeholder_reach_months is one distinct stakeholder reached
-- in its status and month; it is counted under the stakeholder's category.
CREATE TRIGGER `category_reach_months_insert` AFTER INSERT ON `stakeholder_reach_months` BEGIN
  INSERT INTO category_reach_months (status, month, category_id, stakeholders)
    SELECT new.status, new.month, s.category_id, 1 FROM stakeholders s WHERE s.id = new.stakeholder_id AND s.category_id IS NOT NULL
    ON CONFLICT (status, month, category_id) DO UPDATE SET stakeholders = stakeholders + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `category_reach_months_delete` AFTER DELETE ON `stakeholder_reach_months` BEGIN
  UPDATE category_reach_months SET stakeholders = stakeholders - 1
    WHERE status = old.status AND month = old.month
      AND category_id = (SELECT s.category_id FROM stakeholders s WHERE s.id = old.stakeholder_id);
  DELETE FROM category_reach_months WHERE status = old.status AND month = old.month AND stakeholders <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `category_reach_months_stakeholder_category` AFTER UPDATE OF category_id ON `stakeholders`
  WHEN old.category_id IS NOT new.category_id BEGIN
  UPDATE category_reach_months SET stakeholders = stakeholders - 1
    WHERE category_id = old.category_id
      AND (status, month) IN (SELECT r.status, r.month FROM stakeholder_reach_months r WHERE r.stakeholder_id = new.id);
  DELETE FROM category_reach_months WHERE category_id = old.category_id AND stakeholders <= 0;
  INSERT INTO category_reach_months (status, month, category_id, stakeholders)
    SELECT r.status, r.month, new.category_id, 1 FROM stakeholder_reach_months r WHERE r.stakeholder_id = new.id AND new.category_id IS NOT NULL
    ON CONFLICT (status, month, category_id) DO UPDATE SET stakeholders = stakeholders + 1;
END;
--> statement-breakpoint
DELETE FROM action_language_months;--> statement-breakpoint
INSERT INTO action_language_months (status, month, language, actions, participants, online_reach, engagements)
  SELECT a.status, a.month, l.language, count(*), coalesce(sum(a.participants), 0), coalesce(sum(a.online_reach), 0), coalesce(sum(a.engagements), 0)
  FROM action_languages l JOIN actions a ON a.id = l.action_id
  WHERE a.archived_at IS NULL GROUP BY a.status, a.month, l.language;--> statement-breakpoint
INSERT INTO action_category_months (status, month, category_id, actions, participants, online_reach, engagements)
  SELECT a.status, a.month, c.category_id, count(*), coalesce(sum(a.participants), 0), coalesce(sum(a.online_reach), 0), coalesce(sum(a.engagements), 0)
  FROM (SELECT DISTINCT x.action_id, x.category_id FROM action_stakeholders x WHERE x.category_id IS NOT NULL) c JOIN actions a ON a.id = c.action_id
  WHERE a.archived_at IS NULL GROUP BY a.status, a.month, c.category_id;--> statement-breakpoint
INSERT INTO category_reach_months (status, month, category_id, stakeholders)
  SELECT r.status, r.month, s.category_id, count(*) FROM stakeholder_reach_months r JOIN stakeholders s ON s.id = r.stakeholder_id
  WHERE s.category_id IS NOT NULL GROUP BY r.status, r.month, s.category_id;
--> statement-breakpoint
-- action_partner_months, kept like action_month_totals (migration 0009).
CREATE TRIGGER `action_partner_months_insert` AFTER INSERT ON `actions` WHEN new.archived_at IS NULL BEGIN
  INSERT INTO action_partner_months (status, month, partner_id, actions, participants, online_reach, engagements)
    VALUES (new.status, new.month, new.partner_id, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0))
    ON CONFLICT (status, month, partner_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
CREATE TRIGGER `action_partner_months_delete` AFTER DELETE ON `actions` WHEN old.archived_at IS NULL BEGIN
  UPDATE action_partner_months SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE status = old.status AND month = old.month AND partner_id = old.partner_id;
  DELETE FROM action_partner_months WHERE status = old.status AND month = old.month AND partner_id = old.partner_id AND actions <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `action_partner_months_update` AFTER UPDATE OF status, month, partner_id, participants, online_reach, engagements, archived_at ON `actions` BEGIN
  UPDATE action_partner_months SET actions = actions - 1, participants = participants - coalesce(old.participants, 0),
      online_reach = online_reach - coalesce(old.online_reach, 0), engagements = engagements - coalesce(old.engagements, 0)
    WHERE old.archived_at IS NULL AND status = old.status AND month = old.month AND partner_id = old.partner_id;
  DELETE FROM action_partner_months WHERE status = old.status AND month = old.month AND partner_id = old.partner_id AND actions <= 0;
  INSERT INTO action_partner_months (status, month, partner_id, actions, participants, online_reach, engagements)
    SELECT new.status, new.month, new.partner_id, 1, coalesce(new.participants, 0), coalesce(new.online_reach, 0), coalesce(new.engagements, 0)
    WHERE new.archived_at IS NULL
    ON CONFLICT (status, month, partner_id) DO UPDATE SET actions = actions + 1, participants = participants + excluded.participants,
      online_reach = online_reach + excluded.online_reach, engagements = engagements + excluded.engagements;
END;
--> statement-breakpoint
INSERT INTO action_partner_months (status, month, partner_id, actions, participants, online_reach, engagements)
  SELECT status, month, partner_id, count(*), coalesce(sum(participants), 0), coalesce(sum(online_reach), 0), coalesce(sum(engagements), 0)
  FROM actions WHERE archived_at IS NULL GROUP BY status, month, partner_id;
--> statement-breakpoint
CREATE TRIGGER `reach_month_versions_insert` AFTER INSERT ON `stakeholder_reach_months` BEGIN
  INSERT INTO reach_month_versions (status, month, version) VALUES (new.status, new.month, abs(random()))
    ON CONFLICT (status, month) DO UPDATE SET version = excluded.version;
END;
--> statement-breakpoint
CREATE TRIGGER `reach_month_versions_delete` AFTER DELETE ON `stakeholder_reach_months` BEGIN
  INSERT INTO reach_month_versions (status, month, version) VALUES (old.status, old.month, abs(random()))
    ON CONFLICT (status, month) DO UPDATE SET version = excluded.version;
END;
--> statement-breakpoint
INSERT INTO reach_month_versions (status, month, version)
  SELECT status, month, abs(random()) FROM stakeholder_reach_months GROUP BY status, month;
