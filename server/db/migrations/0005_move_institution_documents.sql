-- Institution filing documents move into the shared attachments table (server/platform/files).
-- Same ids, storage keys and timestamps: the files already stored under DATA_DIR/files stay where they
-- are, and download links (/institutions/{id}/documents/{docId}) keep working.
INSERT INTO "attachments" ("district_code", "id", "owner_type", "owner_id", "purpose", "category",
  "file_name", "content_type", "size_bytes", "sha256", "storage_key", "uploaded_by", "uploaded_at")
SELECT "district_code", "id", 'institution', "institution_id", 'institution_document', "category",
  "file_name", "content_type", "size_bytes", "sha256", "storage_key", "uploaded_by", "uploaded_at"
FROM "institution_documents"
ON CONFLICT DO NOTHING;
