CREATE TABLE "family_facilities" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" varchar(100) NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"community_code" varchar(12),
	"address" varchar(200) NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"host" varchar(100),
	"opened_year" integer NOT NULL,
	"closed_year" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_facilities_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_facilities_years_check" CHECK ("family_facilities"."closed_year" is null or "family_facilities"."closed_year" >= "family_facilities"."opened_year"),
	CONSTRAINT "family_facilities_kind_enum" CHECK ("kind" IN ('children_service_centre', 'children_home', 'play_observation_room', 'parent_child_room', 'child_friendly_site', 'early_development_base'))
);
--> statement-breakpoint
ALTER TABLE "family_facilities" ADD CONSTRAINT "family_facilities_community_fk" FOREIGN KEY ("district_code","community_code") REFERENCES "public"."family_communities"("district_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_facilities_community_idx" ON "family_facilities" USING btree ("district_code","community_code");--> statement-breakpoint
CREATE INDEX "family_facilities_town_kind_idx" ON "family_facilities" USING btree ("district_code","town_code","kind");