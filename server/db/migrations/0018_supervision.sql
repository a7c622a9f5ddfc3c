CREATE TABLE "supervision_draw_plans" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"month" varchar(7) NOT NULL,
	"level" text NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"status" text NOT NULL,
	"sample_size" integer NOT NULL,
	"inspectors_per_target" integer NOT NULL,
	"commitment" varchar(64) NOT NULL,
	"secret_hex" varchar(64) NOT NULL,
	"targets" jsonb NOT NULL,
	"inspectors" jsonb NOT NULL,
	"conflicts" jsonb NOT NULL,
	"targets_pool_hash" varchar(64) NOT NULL,
	"inspectors_pool_hash" varchar(64) NOT NULL,
	"conflicts_hash" varchar(64) NOT NULL,
	"result" jsonb,
	"committed_by_id" uuid NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"drawn_by_id" uuid,
	"drawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supervision_draw_plans_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_draw_plans_level_enum" CHECK ("level" IN ('district', 'town')),
	CONSTRAINT "supervision_draw_plans_status_enum" CHECK ("status" IN ('committed', 'drawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_draw_plans_month_uq" ON "supervision_draw_plans" USING btree ("district_code","division_code","month");--> statement-breakpoint
CREATE INDEX "supervision_draw_plans_status_idx" ON "supervision_draw_plans" USING btree ("district_code","status","month");