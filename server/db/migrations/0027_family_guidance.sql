CREATE TABLE "family_session_signups" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"attended" boolean,
	"attendance_recorded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "family_session_signups_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE TABLE "family_sessions" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid,
	"town_code" varchar(12),
	"topic" text NOT NULL,
	"title" varchar(100) NOT NULL,
	"place" varchar(200) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"signed_up" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_sessions_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_sessions_signed_up_le_capacity" CHECK ("family_sessions"."signed_up" >= 0 and "family_sessions"."signed_up" <= "family_sessions"."capacity"),
	CONSTRAINT "family_sessions_topic_enum" CHECK ("topic" IN ('feeding', 'sleep', 'play', 'language', 'emotion', 'safety', 'health', 'grandparents', 'general')),
	CONSTRAINT "family_sessions_status_enum" CHECK ("status" IN ('scheduled', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "family_stations" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"name" varchar(60) NOT NULL,
	"host_institution_id" uuid,
	"host_name" varchar(100) NOT NULL,
	"address" varchar(200) NOT NULL,
	"opened_year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_stations_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
ALTER TABLE "family_session_signups" ADD CONSTRAINT "family_session_signups_session_fk" FOREIGN KEY ("district_code","session_id") REFERENCES "public"."family_sessions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_session_signups" ADD CONSTRAINT "family_session_signups_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_sessions" ADD CONSTRAINT "family_sessions_station_fk" FOREIGN KEY ("district_code","station_id") REFERENCES "public"."family_stations"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_stations" ADD CONSTRAINT "family_stations_host_fk" FOREIGN KEY ("district_code","host_institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_session_signups_session_idx" ON "family_session_signups" USING btree ("district_code","session_id");--> statement-breakpoint
CREATE INDEX "family_session_signups_family_idx" ON "family_session_signups" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_session_signups_one_per_family_uq" ON "family_session_signups" USING btree ("district_code","session_id","family_id") WHERE "family_session_signups"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "family_sessions_station_idx" ON "family_sessions" USING btree ("district_code","station_id","starts_at");--> statement-breakpoint
CREATE INDEX "family_sessions_town_idx" ON "family_sessions" USING btree ("district_code","town_code","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_stations_town_uq" ON "family_stations" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE INDEX "family_stations_host_idx" ON "family_stations" USING btree ("district_code","host_institution_id");