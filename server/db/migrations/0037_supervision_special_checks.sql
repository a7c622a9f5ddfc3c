CREATE TABLE "supervision_special_checks" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" varchar(60) NOT NULL,
	"level" text NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"categories" jsonb NOT NULL,
	"lead_unit" text NOT NULL,
	"units" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"teams" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_special_checks_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_special_checks_level_enum" CHECK ("level" IN ('district', 'town')),
	CONSTRAINT "supervision_special_checks_lead_unit_enum" CHECK ("lead_unit" IN ('edu', 'health', 'ndrc', 'planning', 'finance', 'civil', 'market', 'hrss', 'construction', 'housing', 'police', 'fire', 'union', 'women', 'women_children', 'youth', 'tax', 'medical_insurance'))
);
--> statement-breakpoint
ALTER TABLE "supervision_inspections" DROP CONSTRAINT "supervision_inspections_kind_enum";--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD COLUMN "special_check_id" uuid;--> statement-breakpoint
CREATE INDEX "supervision_special_checks_division_idx" ON "supervision_special_checks" USING btree ("district_code","division_code","start_date");--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_special_fk" FOREIGN KEY ("district_code","special_check_id") REFERENCES "public"."supervision_special_checks"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspections_special_uq" ON "supervision_inspections" USING btree ("district_code","special_check_id","institution_id");--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_kind_enum" CHECK ("kind" IN ('draw', 'self_check', 'special'));