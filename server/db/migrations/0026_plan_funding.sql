CREATE TABLE "plan_funding_rates" (
	"district_code" varchar(6) NOT NULL,
	"institution_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"per_pupil_rate_fen" integer NOT NULL,
	"source" text NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_funding_rates_district_code_institution_id_fiscal_year_pk" PRIMARY KEY("district_code","institution_id","fiscal_year"),
	CONSTRAINT "plan_funding_rates_rate_ck" CHECK ("plan_funding_rates"."per_pupil_rate_fen" >= 0),
	CONSTRAINT "plan_funding_rates_source_enum" CHECK ("source" IN ('entered', 'imported'))
);
--> statement-breakpoint
CREATE TABLE "plan_funding_settings" (
	"district_code" varchar(6) NOT NULL,
	"floor_scope" text NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_funding_settings_district_code_pk" PRIMARY KEY("district_code"),
	CONSTRAINT "plan_funding_settings_floor_scope_enum" CHECK ("floor_scope" IN ('kindergarten', 'class'))
);
--> statement-breakpoint
ALTER TABLE "plan_funding_rates" ADD CONSTRAINT "plan_funding_rates_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_funding_rates_year_idx" ON "plan_funding_rates" USING btree ("district_code","fiscal_year");