CREATE TABLE "operating_min_days" (
	"district_code" varchar(6) NOT NULL,
	"effective_month" date NOT NULL,
	"min_attended_days" integer NOT NULL,
	"recorded_by" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_min_days_district_code_effective_month_pk" PRIMARY KEY("district_code","effective_month"),
	CONSTRAINT "operating_min_days_range_ck" CHECK ("operating_min_days"."min_attended_days" between 1 and 23),
	CONSTRAINT "operating_min_days_first_ck" CHECK (extract(day from "operating_min_days"."effective_month") = 1)
);
--> statement-breakpoint
-- A district that set its minimum before this table existed: that value in force from the month it was set.
INSERT INTO "operating_min_days" ("district_code", "effective_month", "min_attended_days", "recorded_by", "recorded_at")
SELECT "district_code", date_trunc('month', "updated_at" AT TIME ZONE 'Asia/Shanghai')::date, "min_attended_days", "updated_by", "updated_at"
FROM "operating_settings";
