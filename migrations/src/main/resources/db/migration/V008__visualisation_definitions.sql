-- Saved visualisations (module: data-catalog): the chart's definition, the dataset version it was
-- built on and whether it follows the latest version, with views and a moderation reason.

ALTER TABLE catalog.visualisation ADD COLUMN description VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE catalog.visualisation ADD COLUMN chart_type VARCHAR(20) DEFAULT 'BAR' NOT NULL;
ALTER TABLE catalog.visualisation ADD COLUMN definition VARCHAR(8000) DEFAULT '{}' NOT NULL;
ALTER TABLE catalog.visualisation ADD COLUMN version_id BIGINT;
ALTER TABLE catalog.visualisation ADD COLUMN follows_latest BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE catalog.visualisation ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog.visualisation ADD COLUMN view_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE catalog.visualisation ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE catalog.visualisation ADD CONSTRAINT visualisation_version_fk FOREIGN KEY (version_id) REFERENCES catalog.dataset_version (id);
