CREATE TABLE "operating_rates" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"citation" varchar(300) NOT NULL,
	"recorded_by" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_rates_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "operating_rates_amount_ck" CHECK ("operating_rates"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "operating_settings" (
	"district_code" varchar(6) NOT NULL,
	"min_attended_days" integer NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "operating_settings_district_code_pk" PRIMARY KEY("district_code"),
	CONSTRAINT "operating_settings_min_days_ck" CHECK ("operating_settings"."min_attended_days" between 1 and 23)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "operating_rates_effective_uq" ON "operating_rates" USING btree ("district_code","effective_from");