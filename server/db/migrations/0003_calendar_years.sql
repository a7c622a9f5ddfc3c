CREATE TABLE "calendar_years" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"notice_title" varchar(200) NOT NULL,
	"notice_number" varchar(50) NOT NULL,
	"notice_date" date NOT NULL,
	"holidays" jsonb NOT NULL,
	"workdays" jsonb NOT NULL,
	"status" text NOT NULL,
	"entered_by_id" uuid NOT NULL,
	"entered_by" varchar(64) NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"decided_by" varchar(64),
	"decided_at" timestamp with time zone,
	"decision_reason" varchar(500),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "calendar_years_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_years_one_draft_uq" ON "calendar_years" USING btree ("district_code","year") WHERE "calendar_years"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_years_one_confirmed_uq" ON "calendar_years" USING btree ("district_code","year") WHERE "calendar_years"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "calendar_years_year_idx" ON "calendar_years" USING btree ("district_code","year","status");