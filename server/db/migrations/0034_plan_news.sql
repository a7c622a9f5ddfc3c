CREATE TABLE "plan_news" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" varchar(100) NOT NULL,
	"body" text NOT NULL,
	"source" varchar(200),
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_news_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "plan_news_kind_enum" CHECK ("kind" IN ('notice', 'policy', 'guidance')),
	CONSTRAINT "plan_news_status_enum" CHECK ("status" IN ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX "plan_news_published_idx" ON "plan_news" USING btree ("district_code","status","published_at");