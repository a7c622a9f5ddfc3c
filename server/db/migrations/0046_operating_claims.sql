CREATE TABLE "operating_claims" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"min_attended_days" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"counted_child_months" integer NOT NULL,
	"rate_fen" integer,
	"total_fen" integer,
	"reason" varchar(300),
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" varchar(64),
	"decided_at" timestamp with time zone,
	CONSTRAINT "operating_claims_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "operating_claims_status_enum" CHECK ("status" IN ('draft', 'submitted', 'approved', 'rejected', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "operating_claims" ADD CONSTRAINT "operating_claims_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operating_claims_institution_month_uq" ON "operating_claims" USING btree ("district_code","institution_id","month");--> statement-breakpoint
CREATE INDEX "operating_claims_month_status_idx" ON "operating_claims" USING btree ("district_code","month","status");