ALTER TABLE `contacts` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below: the people search's trigram index over contacts.search_text, kept by triggers
-- as stakeholder_search is (migration 0001). The column is filled by the app (normalizeText, which
-- SQL cannot do): rows from before this migration are filled by fillContactSearchText, which
-- runMigrations calls after the migrations (db/migrate.ts).
CREATE VIRTUAL TABLE `contact_search` USING fts5(search_text, content='contacts', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `contacts_search_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contact_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_ad` AFTER DELETE ON `contacts` BEGIN
  INSERT INTO contact_search(contact_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_au` AFTER UPDATE OF `search_text` ON `contacts` BEGIN
  INSERT INTO contact_search(contact_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO contact_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- Index every existing row (blank until filled): an external-content index must hold exactly what
-- its triggers later delete, or the first update of an unindexed row corrupts it.
INSERT INTO contact_search(contact_search) VALUES ('rebuild');
