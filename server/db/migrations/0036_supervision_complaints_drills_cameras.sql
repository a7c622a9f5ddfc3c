CREATE TABLE "supervision_cameras" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"room" varchar(50) NOT NULL,
	"stream_kind" text NOT NULL,
	"stream_url" varchar(300),
	"device_id" varchar(20),
	"retention_days" integer NOT NULL,
	"last_probe_at" timestamp with time zone,
	"last_probe_ok" boolean,
	"last_seen_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_cameras_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_cameras_stream_kind_enum" CHECK ("stream_kind" IN ('rtsp', 'hls', 'gb28181'))
);
--> statement-breakpoint
CREATE TABLE "supervision_complaints" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"category" text NOT NULL,
	"content" varchar(1000) NOT NULL,
	"contact_phone" text,
	"receipt_hash" varchar(64) NOT NULL,
	"status" text NOT NULL,
	"substantiated" boolean,
	"reply" varchar(1000),
	"accepted_at" timestamp with time zone,
	"accepted_by_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supervision_complaints_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_complaints_category_enum" CHECK ("category" IN ('safety', 'hygiene', 'staff_conduct', 'fees', 'unlicensed', 'other')),
	CONSTRAINT "supervision_complaints_status_enum" CHECK ("status" IN ('received', 'handling', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "supervision_drills" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"drill_date" date NOT NULL,
	"staff" integer NOT NULL,
	"children" integer NOT NULL,
	"note" varchar(500),
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_drills_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "supervision_drills_kind_enum" CHECK ("kind" IN ('fire', 'earthquake', 'intrusion', 'epidemic', 'food', 'other'))
);
--> statement-breakpoint
ALTER TABLE "supervision_cameras" ADD CONSTRAINT "supervision_cameras_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_complaints" ADD CONSTRAINT "supervision_complaints_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_drills" ADD CONSTRAINT "supervision_drills_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_cameras_institution_idx" ON "supervision_cameras" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_complaints_receipt_uq" ON "supervision_complaints" USING btree ("district_code","receipt_hash");--> statement-breakpoint
CREATE INDEX "supervision_complaints_town_idx" ON "supervision_complaints" USING btree ("district_code","town_code","status");--> statement-breakpoint
CREATE INDEX "supervision_complaints_institution_idx" ON "supervision_complaints" USING btree ("district_code","institution_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_drills_institution_idx" ON "supervision_drills" USING btree ("district_code","institution_id","drill_date");