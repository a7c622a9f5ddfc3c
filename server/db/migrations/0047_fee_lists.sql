CREATE TABLE "institution_fee_items" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"fee_list_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"name" varchar(50) NOT NULL,
	"amount_fen" integer NOT NULL,
	"unit" text NOT NULL,
	"service_form" text,
	"optional" boolean DEFAULT false NOT NULL,
	CONSTRAINT "institution_fee_items_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "institution_fee_items_amount_ck" CHECK ("institution_fee_items"."amount_fen" >= 0),
	CONSTRAINT "institution_fee_items_kind_enum" CHECK ("kind" IN ('care', 'meals', 'other')),
	CONSTRAINT "institution_fee_items_unit_enum" CHECK ("unit" IN ('month', 'day', 'hour', 'term', 'year', 'once')),
	CONSTRAINT "institution_fee_items_service_form_enum" CHECK ("service_form" IN ('full_day', 'half_day', 'hourly'))
);
--> statement-breakpoint
CREATE TABLE "institution_fee_lists" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"state" text NOT NULL,
	"effective_from" date,
	"basis" varchar(500) DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_fee_lists_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "institution_fee_lists_published_ck" CHECK ("institution_fee_lists"."state" = 'draft' or ("institution_fee_lists"."published_at" is not null and "institution_fee_lists"."effective_from" is not null)),
	CONSTRAINT "institution_fee_lists_state_enum" CHECK ("state" IN ('draft', 'published', 'superseded'))
);
--> statement-breakpoint
ALTER TABLE "institution_fee_items" ADD CONSTRAINT "institution_fee_items_list_fk" FOREIGN KEY ("district_code","fee_list_id") REFERENCES "public"."institution_fee_lists"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_fee_lists" ADD CONSTRAINT "institution_fee_lists_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_fee_items_list_idx" ON "institution_fee_items" USING btree ("district_code","fee_list_id","position");--> statement-breakpoint
CREATE INDEX "institution_fee_lists_institution_idx" ON "institution_fee_lists" USING btree ("district_code","institution_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_fee_lists_one_draft_uq" ON "institution_fee_lists" USING btree ("district_code","institution_id") WHERE state = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "institution_fee_lists_one_published_uq" ON "institution_fee_lists" USING btree ("district_code","institution_id") WHERE state = 'published';