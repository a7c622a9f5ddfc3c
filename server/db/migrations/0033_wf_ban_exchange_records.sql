CREATE TABLE "workforce_person_records" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_date" date NOT NULL,
	"skill" text,
	"grade" text,
	"description" varchar(500) NOT NULL,
	"decision_ref" varchar(100),
	"institution_id" uuid,
	"town_code" varchar(9),
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_person_records_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_person_records_kind_enum" CHECK ("kind" IN ('process_assessment', 'skill_assessment', 'reward', 'penalty')),
	CONSTRAINT "workforce_person_records_skill_enum" CHECK ("skill" IN ('caregiver', 'infant_carer', 'health_worker', 'nutritionist', 'other')),
	CONSTRAINT "workforce_person_records_grade_enum" CHECK ("grade" IN ('excellent', 'good', 'passed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "workforce_ban_entries" ADD COLUMN "reason_category" text DEFAULT 'abuse' NOT NULL;--> statement-breakpoint
ALTER TABLE "workforce_ban_entries" ADD COLUMN "issuing_district" varchar(6);--> statement-breakpoint
ALTER TABLE "workforce_person_records" ADD CONSTRAINT "workforce_person_records_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_person_records" ADD CONSTRAINT "workforce_person_records_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workforce_person_records_staff_idx" ON "workforce_person_records" USING btree ("district_code","staff_id","record_date");--> statement-breakpoint
CREATE INDEX "workforce_person_records_kind_idx" ON "workforce_person_records" USING btree ("district_code","kind","record_date");--> statement-breakpoint
CREATE INDEX "workforce_person_records_institution_idx" ON "workforce_person_records" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_ban_entries_imported_uq" ON "workforce_ban_entries" USING btree ("district_code","issuing_district","ban_hash","decision_ref") WHERE "workforce_ban_entries"."source" = 'imported';--> statement-breakpoint
ALTER TABLE "workforce_ban_entries" ADD CONSTRAINT "workforce_ban_entries_reason_category_enum" CHECK ("reason_category" IN ('abuse', 'neglect', 'other'));