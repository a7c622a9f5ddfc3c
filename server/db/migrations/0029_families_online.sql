CREATE TABLE "family_distributions" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"item" text NOT NULL,
	"given_on" date NOT NULL,
	"given_by" uuid NOT NULL,
	"given_by_name" varchar(64) NOT NULL,
	"note" varchar(200),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_distributions_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_distributions_item_enum" CHECK ("item" IN ('handbook', 'resource_pack'))
);
--> statement-breakpoint
CREATE TABLE "family_online_registrations" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"platform" text NOT NULL,
	"registered_on" date NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_online_registrations_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_online_registrations_platform_enum" CHECK ("platform" IN ('yuzhiyoudao', 'qingpu_zaojiao', 'other')),
	CONSTRAINT "family_online_registrations_channel_enum" CHECK ("channel" IN ('staff', 'portal'))
);
--> statement-breakpoint
CREATE TABLE "family_resources" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"platform" text NOT NULL,
	"url" varchar(500) NOT NULL,
	"age_from_months" integer NOT NULL,
	"age_to_months" integer NOT NULL,
	"published_at" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_resources_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_resources_age_check" CHECK ("family_resources"."age_to_months" >= "family_resources"."age_from_months"),
	CONSTRAINT "family_resources_url_check" CHECK ("family_resources"."url" like 'https://%'),
	CONSTRAINT "family_resources_kind_enum" CHECK ("kind" IN ('video', 'article', 'audio', 'course')),
	CONSTRAINT "family_resources_topic_enum" CHECK ("topic" IN ('feeding', 'sleep', 'play', 'language', 'emotion', 'safety', 'health', 'grandparents', 'general')),
	CONSTRAINT "family_resources_platform_enum" CHECK ("platform" IN ('yuzhiyoudao', 'qingpu_zaojiao', 'other')),
	CONSTRAINT "family_resources_status_enum" CHECK ("status" IN ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "family_distributions" ADD CONSTRAINT "family_distributions_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_online_registrations" ADD CONSTRAINT "family_online_registrations_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_distributions_family_idx" ON "family_distributions" USING btree ("district_code","family_id","item");--> statement-breakpoint
CREATE INDEX "family_distributions_town_idx" ON "family_distributions" USING btree ("district_code","town_code","given_on");--> statement-breakpoint
CREATE INDEX "family_online_registrations_family_idx" ON "family_online_registrations" USING btree ("district_code","family_id","registered_on");--> statement-breakpoint
CREATE INDEX "family_online_registrations_town_idx" ON "family_online_registrations" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE UNIQUE INDEX "family_online_registrations_one_uq" ON "family_online_registrations" USING btree ("district_code","family_id","platform");--> statement-breakpoint
CREATE INDEX "family_resources_status_idx" ON "family_resources" USING btree ("district_code","status","age_from_months");