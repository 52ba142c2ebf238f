-- Search in action titles (/actions?q=) through a trigram full-text index, accent- and
-- case-insensitive, so a substring search stays fast at a million actions instead of a LIKE scan.
-- External content: titles live once, in actions; triggers keep the index in step with every write.
CREATE VIRTUAL TABLE `action_title_search` USING fts5(title, content='actions', content_rowid='id', tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER `actions_title_search_ai` AFTER INSERT ON `actions` BEGIN
  INSERT INTO action_title_search(rowid, title) VALUES (new.id, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_title_search_ad` AFTER DELETE ON `actions` BEGIN
  INSERT INTO action_title_search(action_title_search, rowid, title) VALUES ('delete', old.id, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_title_search_au` AFTER UPDATE OF `title` ON `actions` BEGIN
  INSERT INTO action_title_search(action_title_search, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO action_title_search(rowid, title) VALUES (new.id, new.title);
END;
--> statement-breakpoint
INSERT INTO action_title_search(action_title_search) VALUES ('rebuild');
