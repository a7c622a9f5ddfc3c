CREATE TABLE "institution_classes" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" varchar(50) NOT NULL,
	"type" text NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer NOT NULL,
	"min_age_months" integer NOT NULL,
	"max_age_months" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_classes_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE TABLE "institution_documents" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"category" text NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(100) NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_documents_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "institution_documents_storage_key_uq" UNIQUE("district_code","storage_key")
);
--> statement-breakpoint
CREATE TABLE "institution_status_history" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" varchar(500),
	"actor_id" uuid,
	"actor_username" varchar(64),
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "institution_status_history_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"kind" text NOT NULL,
	"ownership" text NOT NULL,
	"inclusive" boolean NOT NULL,
	"service_forms" text[] NOT NULL,
	"address" varchar(200) NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"public_phone" varchar(20) NOT NULL,
	"opening_hours" varchar(100) NOT NULL,
	"fee_full_day_fen" integer,
	"fee_half_day_fen" integer,
	"fee_hourly_fen" integer,
	"meals_provided" boolean NOT NULL,
	"director_name" varchar(50) NOT NULL,
	"status" text NOT NULL,
	"seats" integer DEFAULT 0 NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"toddler_classes" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "institutions_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "institutions_credit_code_uq" UNIQUE("district_code","credit_code")
);
--> statement-breakpoint
ALTER TABLE "institution_classes" ADD CONSTRAINT "institution_classes_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_documents" ADD CONSTRAINT "institution_documents_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_status_history" ADD CONSTRAINT "institution_status_history_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_classes_institution_idx" ON "institution_classes" USING btree ("district_code","institution_id","min_age_months","max_age_months");--> statement-breakpoint
CREATE INDEX "institution_documents_institution_idx" ON "institution_documents" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "institution_status_history_institution_idx" ON "institution_status_history" USING btree ("district_code","institution_id","at");--> statement-breakpoint
CREATE INDEX "institutions_town_idx" ON "institutions" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE INDEX "institutions_status_idx" ON "institutions" USING btree ("district_code","status","name");