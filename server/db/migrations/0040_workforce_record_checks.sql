CREATE TABLE "staff_record_checks" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" text NOT NULL,
	"checked_on" date NOT NULL,
	"reference_number" varchar(50) NOT NULL,
	"file_id" uuid,
	"institution_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_record_checks_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "staff_record_checks_kind_enum" CHECK ("kind" IN ('sex_offence_query', 'no_criminal_record')),
	CONSTRAINT "staff_record_checks_result_enum" CHECK ("result" IN ('clear', 'found'))
);
--> statement-breakpoint
ALTER TABLE "staff_record_checks" ADD CONSTRAINT "staff_record_checks_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_record_checks" ADD CONSTRAINT "staff_record_checks_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_record_checks_staff_idx" ON "staff_record_checks" USING btree ("district_code","staff_id","kind");--> statement-breakpoint
CREATE INDEX "staff_record_checks_institution_idx" ON "staff_record_checks" USING btree ("district_code","institution_id");