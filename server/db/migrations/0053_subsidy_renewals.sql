CREATE TABLE "subsidy_renewals" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"state" text NOT NULL,
	"stop_reason" text,
	"note" varchar(500),
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subsidy_renewals_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "subsidy_renewals_stop_ck" CHECK (("subsidy_renewals"."state" = 'stopped') = ("subsidy_renewals"."stop_reason" is not null) and ("subsidy_renewals"."state" = 'open') = ("subsidy_renewals"."decided_at" is null)),
	CONSTRAINT "subsidy_renewals_state_enum" CHECK ("state" IN ('open', 'confirmed', 'stopped')),
	CONSTRAINT "subsidy_renewals_stop_reason_enum" CHECK ("stop_reason" IN ('death', 'emigration', 'hukou_moved', 'other'))
);
--> statement-breakpoint
ALTER TABLE "subsidy_renewals" ADD CONSTRAINT "subsidy_renewals_application_fk" FOREIGN KEY ("district_code","application_id") REFERENCES "public"."subsidy_applications"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_renewals_application_year_uq" ON "subsidy_renewals" USING btree ("district_code","application_id","year");--> statement-breakpoint
CREATE INDEX "subsidy_renewals_year_idx" ON "subsidy_renewals" USING btree ("district_code","year","town_code","state");