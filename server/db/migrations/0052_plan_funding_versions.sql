CREATE TABLE "plan_funding_versions" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"effective_from" date NOT NULL,
	"citation_issuer" varchar(100) NOT NULL,
	"citation_doc_number" varchar(100) NOT NULL,
	"citation_title" varchar(200) NOT NULL,
	"citation_date" date NOT NULL,
	"multiplier_numerator" integer NOT NULL,
	"multiplier_denominator" integer NOT NULL,
	"pupil_floor" integer NOT NULL,
	"teachers_per_class" integer NOT NULL,
	"caregivers_per_class" integer NOT NULL,
	"training_subsidies" jsonb NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_funding_versions_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "plan_funding_versions_values_ck" CHECK ("plan_funding_versions"."multiplier_numerator" > 0 and "plan_funding_versions"."multiplier_denominator" > 0 and "plan_funding_versions"."pupil_floor" >= 0
        and "plan_funding_versions"."teachers_per_class" >= 0 and "plan_funding_versions"."caregivers_per_class" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_funding_versions_no_uq" ON "plan_funding_versions" USING btree ("district_code","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_funding_versions_effective_uq" ON "plan_funding_versions" USING btree ("district_code","effective_from");