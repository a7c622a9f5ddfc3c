CREATE TABLE "plan_targets" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"seed_id" varchar(80) NOT NULL,
	"target_key" text NOT NULL,
	"scope" text NOT NULL,
	"town_code" varchar(12),
	"year" integer,
	"comparison" text NOT NULL,
	"value" double precision,
	"value_max" double precision,
	"unit" varchar(20) NOT NULL,
	"title_zh" varchar(200) NOT NULL,
	"citation" varchar(300) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_targets_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "plan_targets_target_key_enum" CHECK ("target_key" IN ('inclusive_points_new', 'towns_with_inclusive', 'kindergarten_toddler_share', 'kindergartens_new_toddler_classes', 'certified_rate', 'training_hours', 'district_trainings', 'monthly_draws_held', 'annual_visit_coverage', 'guidance_stations_per_town', 'child_friendly_sites', 'development_base', 'home_visit_coverage', 'guidance_sessions', 'online_coverage', 'handbook_coverage', 'demonstration_institutions', 'fifteen_minute_coverage')),
	CONSTRAINT "plan_targets_scope_enum" CHECK ("scope" IN ('district', 'town')),
	CONSTRAINT "plan_targets_comparison_enum" CHECK ("comparison" IN ('>=', '<=', '='))
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"title" varchar(200) NOT NULL,
	"doc_number" varchar(60) NOT NULL,
	"citation" varchar(300) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"predecessor_id" uuid,
	"status" text NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_versions_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "plan_versions_status_enum" CHECK ("status" IN ('active', 'superseded'))
);
--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_version_fk" FOREIGN KEY ("district_code","version_id") REFERENCES "public"."plan_versions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_targets_version_idx" ON "plan_targets" USING btree ("district_code","version_id","year");--> statement-breakpoint
CREATE INDEX "plan_targets_town_idx" ON "plan_targets" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_seed_uq" ON "plan_targets" USING btree ("district_code","version_id","seed_id",coalesce("town_code", ''),coalesce("year", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_code_uq" ON "plan_versions" USING btree ("district_code","code");--> statement-breakpoint
CREATE INDEX "plan_versions_period_idx" ON "plan_versions" USING btree ("district_code","period_start");