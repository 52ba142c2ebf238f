-- Default dissemination action types and channels (every database gets them; the administrator
-- can rename, reorder, archive and add to them). `key` marks a built-in entry, translated in the interface.
INSERT INTO `action_types` (`key`, `name`, `sort_order`) VALUES
  ('presentation', 'Presentation at an event', 10),
  ('social_post', 'Social media post', 20),
  ('press', 'Press article or release', 30),
  ('newsletter', 'Newsletter', 40),
  ('web_news', 'Website news', 50),
  ('conference_talk', 'Conference talk', 60),
  ('bilateral_meeting', 'Bilateral meeting', 70),
  ('webinar', 'Webinar', 80),
  ('policy_clinic', 'Policy clinic', 90),
  ('partner_meeting', 'Partner meeting', 100),
  ('publication', 'Publication', 110),
  ('video', 'Video', 120),
  ('creative_format', 'Creative or gamified format', 130),
  ('other', 'Other', 140);
--> statement-breakpoint
INSERT INTO `channels` (`key`, `name`, `sort_order`) VALUES
  ('in_person', 'In person', 10),
  ('online_event', 'Online event', 20),
  ('linkedin', 'LinkedIn', 30),
  ('x', 'X', 40),
  ('facebook', 'Facebook', 50),
  ('instagram', 'Instagram', 60),
  ('mastodon', 'Mastodon', 70),
  ('bluesky', 'Bluesky', 80),
  ('youtube', 'YouTube', 90),
  ('website', 'Website', 100),
  ('newsletter', 'Newsletter', 110),
  ('print_press', 'Print press', 120),
  ('radio_tv', 'Radio or TV', 130),
  ('other', 'Other', 140);
