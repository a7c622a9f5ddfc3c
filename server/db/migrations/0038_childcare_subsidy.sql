CREATE TABLE "subsidy_applications" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"application_no" varchar(40) NOT NULL,
	"child_name" varchar(50) NOT NULL,
	"child_id_number" text NOT NULL,
	"child_id_bidx" varchar(64) NOT NULL,
	"child_birth_date" date NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"local_hukou" boolean NOT NULL,
	"adopted_on" date,
	"hukou_from" date,
	"applicant_name" varchar(50) NOT NULL,
	"applicant_relation" text NOT NULL,
	"applicant_mobile" text NOT NULL,
	"bank_name" varchar(50) NOT NULL,
	"account_kind" text NOT NULL,
	"bank_account" text NOT NULL,
	"applied_on" date NOT NULL,
	"due_on" date,
	"status" text NOT NULL,
	"decided_on" date,
	"decided_by" uuid,
	"reason" varchar(500),
	"ends_on" date,
	"end_reason" text,
	"family_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subsidy_applications_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "subsidy_applications_end_ck" CHECK (("subsidy_applications"."ends_on" is null) = ("subsidy_applications"."end_reason" is null)),
	CONSTRAINT "subsidy_applications_applicant_relation_enum" CHECK ("applicant_relation" IN ('mother', 'father', 'guardian', 'welfare_institution')),
	CONSTRAINT "subsidy_applications_account_kind_enum" CHECK ("account_kind" IN ('card', 'passbook')),
	CONSTRAINT "subsidy_applications_status_enum" CHECK ("status" IN ('submitted', 'approved', 'rejected', 'stopped')),
	CONSTRAINT "subsidy_applications_end_reason_enum" CHECK ("end_reason" IN ('death', 'emigration', 'hukou_moved', 'other'))
);
--> statement-breakpoint
CREATE TABLE "subsidy_batch_lines" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"from_month" varchar(7) NOT NULL,
	"to_month" varchar(7) NOT NULL,
	"months" integer NOT NULL,
	"amount" integer NOT NULL,
	"status" text NOT NULL,
	"return_reason" varchar(500),
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subsidy_batch_lines_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "subsidy_batch_lines_months_ck" CHECK ("subsidy_batch_lines"."months" > 0 and "subsidy_batch_lines"."amount" >= 0 and "subsidy_batch_lines"."from_month" <= "subsidy_batch_lines"."to_month"),
	CONSTRAINT "subsidy_batch_lines_status_enum" CHECK ("status" IN ('pending', 'paid', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "subsidy_batches" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"through_month" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subsidy_batches_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "subsidy_batches_status_enum" CHECK ("status" IN ('draft', 'submitted', 'paid'))
);
--> statement-breakpoint
ALTER TABLE "subsidy_batch_lines" ADD CONSTRAINT "subsidy_batch_lines_batch_fk" FOREIGN KEY ("district_code","batch_id") REFERENCES "public"."subsidy_batches"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batch_lines" ADD CONSTRAINT "subsidy_batch_lines_application_fk" FOREIGN KEY ("district_code","application_id") REFERENCES "public"."subsidy_applications"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_no_uq" ON "subsidy_applications" USING btree ("district_code","application_no");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_child_uq" ON "subsidy_applications" USING btree ("district_code","child_id_bidx");--> statement-breakpoint
CREATE INDEX "subsidy_applications_town_idx" ON "subsidy_applications" USING btree ("district_code","town_code","status","due_on");--> statement-breakpoint
CREATE INDEX "subsidy_applications_family_idx" ON "subsidy_applications" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE INDEX "subsidy_batch_lines_batch_idx" ON "subsidy_batch_lines" USING btree ("district_code","batch_id","town_code");--> statement-breakpoint
CREATE INDEX "subsidy_batch_lines_application_idx" ON "subsidy_batch_lines" USING btree ("district_code","application_id");--> statement-breakpoint
CREATE INDEX "subsidy_batches_year_idx" ON "subsidy_batches" USING btree ("district_code","year");