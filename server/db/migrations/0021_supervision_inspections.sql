CREATE TABLE "supervision_checklists" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"category" text NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_checklists_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_checklists_category_enum" CHECK ("category" IN ('safety', 'health', 'fire', 'food', 'fees', 'staff', 'emergency'))
);
--> statement-breakpoint
CREATE TABLE "supervision_inspections" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"plan_id" uuid,
	"month" varchar(7) NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"checklist_ids" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"signoffs" jsonb NOT NULL,
	"status" text NOT NULL,
	"score" integer,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supervision_inspections_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_inspections_kind_enum" CHECK ("kind" IN ('draw', 'self_check')),
	CONSTRAINT "supervision_inspections_status_enum" CHECK ("status" IN ('open', 'signed'))
);
--> statement-breakpoint
CREATE TABLE "supervision_rectifications" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"category" text NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"severity" text NOT NULL,
	"note" varchar(500) NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"evidence_text" varchar(2000),
	"evidence_submitted_at" timestamp with time zone,
	"return_reason" varchar(500),
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supervision_rectifications_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_rectifications_category_enum" CHECK ("category" IN ('safety', 'health', 'fire', 'food', 'fees', 'staff', 'emergency')),
	CONSTRAINT "supervision_rectifications_severity_enum" CHECK ("severity" IN ('minor', 'major', 'serious')),
	CONSTRAINT "supervision_rectifications_status_enum" CHECK ("status" IN ('open', 'evidence_submitted', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_plan_fk" FOREIGN KEY ("district_code","plan_id") REFERENCES "public"."supervision_draw_plans"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rectifications" ADD CONSTRAINT "supervision_rectifications_inspection_fk" FOREIGN KEY ("district_code","inspection_id") REFERENCES "public"."supervision_inspections"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rectifications" ADD CONSTRAINT "supervision_rectifications_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_checklists_version_uq" ON "supervision_checklists" USING btree ("district_code","category","version");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspections_pair_uq" ON "supervision_inspections" USING btree ("district_code","plan_id","institution_id");--> statement-breakpoint
CREATE INDEX "supervision_inspections_institution_idx" ON "supervision_inspections" USING btree ("district_code","institution_id","month");--> statement-breakpoint
CREATE INDEX "supervision_inspections_town_idx" ON "supervision_inspections" USING btree ("district_code","town_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_rectifications_item_uq" ON "supervision_rectifications" USING btree ("district_code","inspection_id","item_code");--> statement-breakpoint
CREATE INDEX "supervision_rectifications_institution_idx" ON "supervision_rectifications" USING btree ("district_code","institution_id","status");--> statement-breakpoint
CREATE INDEX "supervision_rectifications_town_idx" ON "supervision_rectifications" USING btree ("district_code","town_code","status","deadline");