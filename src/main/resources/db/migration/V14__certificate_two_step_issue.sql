-- Certificates are issued in two steps: the number is reserved in a short transaction under the session's row
-- lock (so numbers stay gapless without holding that lock while a PDF is rendered), and the signed PDF is attached
-- afterwards. A reserved row has no document yet. UNIQUE (application_id) from V1 stays the guarantee of exactly
-- one certificate per application.
ALTER TABLE certificate ALTER COLUMN storage_key DROP NOT NULL;
ALTER TABLE certificate ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE certificate ALTER COLUMN size_bytes DROP NOT NULL;
ALTER TABLE certificate ADD COLUMN produced_at TIMESTAMP WITH TIME ZONE;
UPDATE certificate SET produced_at = created_at;
ALTER TABLE certificate ADD CONSTRAINT ck_certificate_document CHECK (
    (storage_key IS NULL AND sha256 IS NULL AND size_bytes IS NULL AND produced_at IS NULL)
    OR (storage_key IS NOT NULL AND sha256 IS NOT NULL AND size_bytes IS NOT NULL AND produced_at IS NOT NULL));
