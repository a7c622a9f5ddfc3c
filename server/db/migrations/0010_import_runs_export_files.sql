CREATE TABLE "export_files" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"file_key" varchar(64),
	"file_name" varchar(200) NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_files_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "export_files_format_enum" CHECK ("format" IN ('xlsx', 'csv')),
	CONSTRAINT "export_files_status_enum" CHECK ("status" IN ('pending', 'ready', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"created_by" uuid NOT NULL,
	"file_key" varchar(64) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"format" text NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"existing_rows" integer NOT NULL,
	"error_count" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"done_rows" integer DEFAULT 0 NOT NULL,
	"inserted_rows" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_runs_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "import_runs_status_enum" CHECK ("status" IN ('checked', 'invalid', 'committing', 'committed', 'failed')),
	CONSTRAINT "import_runs_format_enum" CHECK ("format" IN ('xlsx', 'csv'))
);
--> statement-breakpoint
ALTER TABLE "institution_status_history" DROP CONSTRAINT "institution_status_history_action_enum";--> statement-breakpoint
CREATE INDEX "export_files_created_by_idx" ON "export_files" USING btree ("district_code","created_by","created_at");--> statement-breakpoint
CREATE INDEX "import_runs_created_by_idx" ON "import_runs" USING btree ("district_code","created_by","created_at");--> statement-breakpoint
ALTER TABLE "institution_status_history" ADD CONSTRAINT "institution_status_history_action_enum" CHECK ("action" IN ('create', 'import', 'submit', 'return', 'approve', 'start_operating', 'rectify', 'resume', 'suspend', 'close'));