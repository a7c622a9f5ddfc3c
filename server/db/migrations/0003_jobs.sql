CREATE TABLE "jobs" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(64) NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" varchar(200),
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_by" varchar(100),
	"lease_until" timestamp with time zone,
	"error_name" varchar(100),
	"error_code" varchar(100),
	"error_message" text,
	"progress_done" integer,
	"progress_total" integer,
	"result" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "jobs_idempotency_uq" UNIQUE("district_code","kind","idempotency_key"),
	CONSTRAINT "jobs_status_ck" CHECK ("jobs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_fk" FOREIGN KEY ("district_code","created_by") REFERENCES "public"."users"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("district_code","created_by");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "jobs_district_status_idx" ON "jobs" USING btree ("district_code","status","updated_at");