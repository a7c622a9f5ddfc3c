CREATE TABLE "plan_joint_meetings" (
	"district_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"held_on" varchar(10) NOT NULL,
	"summary" text NOT NULL,
	"conclusions" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_joint_meetings_district_code_year_pk" PRIMARY KEY("district_code","year")
);
--> statement-breakpoint
CREATE TABLE "plan_task_reports" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"task_code" varchar(8) NOT NULL,
	"unit" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"status" text NOT NULL,
	"progress" text NOT NULL,
	"evidence" varchar(500),
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_task_reports_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "plan_task_reports_unit_enum" CHECK ("unit" IN ('edu', 'health', 'ndrc', 'planning', 'finance', 'civil', 'market', 'hrss', 'construction', 'housing', 'police', 'fire', 'union', 'women', 'women_children', 'youth', 'tax', 'medical_insurance')),
	CONSTRAINT "plan_task_reports_status_enum" CHECK ("status" IN ('on_track', 'delayed', 'done'))
);
--> statement-breakpoint
CREATE TABLE "plan_unit_members" (
	"district_code" varchar(6) NOT NULL,
	"user_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_unit_members_district_code_user_id_pk" PRIMARY KEY("district_code","user_id"),
	CONSTRAINT "plan_unit_members_unit_enum" CHECK ("unit" IN ('edu', 'health', 'ndrc', 'planning', 'finance', 'civil', 'market', 'hrss', 'construction', 'housing', 'police', 'fire', 'union', 'women', 'women_children', 'youth', 'tax', 'medical_insurance'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_task_reports_quarter_uq" ON "plan_task_reports" USING btree ("district_code","task_code","unit","year","quarter");--> statement-breakpoint
CREATE INDEX "plan_task_reports_year_idx" ON "plan_task_reports" USING btree ("district_code","year");