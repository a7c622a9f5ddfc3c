CREATE TABLE "attachments" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"owner_type" varchar(40) NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" varchar(40) NOT NULL,
	"category" varchar(40),
	"file_name" varchar(200) NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(100) NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "attachments_storage_key_uq" UNIQUE("district_code","storage_key")
);
--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("district_code","owner_type","owner_id","uploaded_at");