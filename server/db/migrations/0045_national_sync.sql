CREATE TABLE "institution_national_sync" (
	"district_code" varchar(6) NOT NULL,
	"institution_id" uuid NOT NULL,
	"last_record_id" varchar(80),
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"result_at" timestamp with time zone,
	"message" varchar(500),
	"differences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_national_sync_district_code_institution_id_pk" PRIMARY KEY("district_code","institution_id"),
	CONSTRAINT "institution_national_sync_state_enum" CHECK ("state" IN ('queued', 'synced', 'failed', 'differs'))
);
--> statement-breakpoint
ALTER TABLE "institution_national_sync" ADD CONSTRAINT "institution_national_sync_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_national_sync_state_idx" ON "institution_national_sync" USING btree ("district_code","state");