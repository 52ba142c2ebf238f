-- Full-text index over stakeholders.search_text (already lower-case and accent-free), with the
-- trigram tokenizer so any substring of 3+ characters is found through the index rather than a
-- scan of every row. External content: the text lives once, in stakeholders; triggers keep the
-- index in step with every insert, update and delete, whoever writes (app, import, seed, bench).
CREATE VIRTUAL TABLE `stakeholder_search` USING fts5(search_text, content='stakeholders', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `stakeholders_search_ai` AFTER INSERT ON `stakeholders` BEGIN
  INSERT INTO stakeholder_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_search_ad` AFTER DELETE ON `stakeholders` BEGIN
  INSERT INTO stakeholder_search(stakeholder_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `stakeholders_search_au` AFTER UPDATE OF `search_text` ON `stakeholders` BEGIN
  INSERT INTO stakeholder_search(stakeholder_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO stakeholder_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
INSERT INTO stakeholder_search(stakeholder_search) VALUES ('rebuild');
