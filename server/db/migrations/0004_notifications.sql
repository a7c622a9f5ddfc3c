CREATE TABLE "notifications" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" varchar(64) NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"link" varchar(500),
	"dedupe_key" varchar(200),
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "notifications_dedupe_uq" UNIQUE("district_code","account_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_fk" FOREIGN KEY ("district_code","account_id") REFERENCES "public"."users"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("district_code","account_id","created_at");