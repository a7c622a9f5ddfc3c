CREATE TABLE "workforce_ban_entries" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"ban_hash" varchar(64) NOT NULL,
	"full_name" varchar(50),
	"role" text NOT NULL,
	"related_entry_id" uuid,
	"reason" varchar(500) NOT NULL,
	"decision_ref" varchar(100) NOT NULL,
	"decision_date" date NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" varchar(500),
	CONSTRAINT "workforce_ban_entries_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_ban_entries_role_enum" CHECK ("role" IN ('perpetrator', 'direct_manager')),
	CONSTRAINT "workforce_ban_entries_source_enum" CHECK ("source" IN ('local', 'imported'))
);
--> statement-breakpoint
CREATE TABLE "workforce_ban_matches" (
	"district_code" varchar(6) NOT NULL,
	"staff_id" uuid NOT NULL,
	"ban_entry_id" uuid NOT NULL,
	"source" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_ban_matches_district_code_staff_id_ban_entry_id_pk" PRIMARY KEY("district_code","staff_id","ban_entry_id"),
	CONSTRAINT "workforce_ban_matches_source_enum" CHECK ("source" IN ('hire', 'rescreen'))
);
--> statement-breakpoint
CREATE TABLE "workforce_certificates" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"type" text NOT NULL,
	"number" varchar(50) NOT NULL,
	"issuer" varchar(100) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"file_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_certificates_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_certificates_type_enum" CHECK ("type" IN ('caregiver', 'infant_carer', 'teacher', 'health', 'health_worker', 'cook', 'security'))
);
--> statement-breakpoint
CREATE TABLE "workforce_class_assignments" (
	"district_code" varchar(6) NOT NULL,
	"employment_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_class_assignments_district_code_employment_id_class_id_pk" PRIMARY KEY("district_code","employment_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "workforce_employments" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"post" text NOT NULL,
	"care" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"labour_contract" boolean NOT NULL,
	"social_insurance" boolean NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workforce_employments_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_employments_post_enum" CHECK ("post" IN ('director', 'caregiver', 'infant_carer', 'teacher', 'health_worker', 'cook', 'security', 'other')),
	CONSTRAINT "workforce_employments_status_enum" CHECK ("status" IN ('active', 'ended', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "workforce_staff" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"full_name" varchar(50) NOT NULL,
	"id_type" text NOT NULL,
	"id_number" text,
	"id_number_bidx" varchar(64),
	"passport_number" text,
	"passport_number_bidx" varchar(64),
	"ban_hash" varchar(64) NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"nationality" varchar(50),
	"mobile" text,
	"education" text NOT NULL,
	"management_years" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workforce_staff_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_staff_id_type_enum" CHECK ("id_type" IN ('citizen_id', 'passport', 'work_permit')),
	CONSTRAINT "workforce_staff_sex_enum" CHECK ("sex" IN ('male', 'female')),
	CONSTRAINT "workforce_staff_education_enum" CHECK ("education" IN ('junior_high', 'senior_high', 'secondary_vocational', 'college_diploma', 'bachelor', 'master_or_above'))
);
--> statement-breakpoint
CREATE TABLE "workforce_training_attendance" (
	"district_code" varchar(6) NOT NULL,
	"event_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"hours" double precision NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_training_attendance_district_code_event_id_staff_id_pk" PRIMARY KEY("district_code","event_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "workforce_training_events" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" varchar(100) NOT NULL,
	"organiser" varchar(100) NOT NULL,
	"category" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" double precision NOT NULL,
	"district_level" boolean NOT NULL,
	"institution_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_training_events_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "workforce_training_events_category_enum" CHECK ("category" IN ('ethics', 'norms', 'skills', 'safety', 'mental_health'))
);
--> statement-breakpoint
ALTER TABLE "workforce_ban_matches" ADD CONSTRAINT "workforce_ban_matches_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_ban_matches" ADD CONSTRAINT "workforce_ban_matches_entry_fk" FOREIGN KEY ("district_code","ban_entry_id") REFERENCES "public"."workforce_ban_entries"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_certificates" ADD CONSTRAINT "workforce_certificates_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_class_assignments" ADD CONSTRAINT "workforce_class_assignments_employment_fk" FOREIGN KEY ("district_code","employment_id") REFERENCES "public"."workforce_employments"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_class_assignments" ADD CONSTRAINT "workforce_class_assignments_class_fk" FOREIGN KEY ("district_code","class_id") REFERENCES "public"."institution_classes"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_employments" ADD CONSTRAINT "workforce_employments_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_employments" ADD CONSTRAINT "workforce_employments_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_training_attendance" ADD CONSTRAINT "workforce_training_attendance_event_fk" FOREIGN KEY ("district_code","event_id") REFERENCES "public"."workforce_training_events"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_training_attendance" ADD CONSTRAINT "workforce_training_attendance_staff_fk" FOREIGN KEY ("district_code","staff_id") REFERENCES "public"."workforce_staff"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workforce_ban_entries_hash_idx" ON "workforce_ban_entries" USING btree ("district_code","ban_hash");--> statement-breakpoint
CREATE INDEX "workforce_ban_matches_entry_idx" ON "workforce_ban_matches" USING btree ("district_code","ban_entry_id");--> statement-breakpoint
CREATE INDEX "workforce_certificates_staff_idx" ON "workforce_certificates" USING btree ("district_code","staff_id");--> statement-breakpoint
CREATE INDEX "workforce_certificates_expiry_idx" ON "workforce_certificates" USING btree ("district_code","expires_on");--> statement-breakpoint
CREATE INDEX "workforce_class_assignments_class_idx" ON "workforce_class_assignments" USING btree ("district_code","class_id");--> statement-breakpoint
CREATE INDEX "workforce_class_assignments_institution_idx" ON "workforce_class_assignments" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "workforce_employments_staff_idx" ON "workforce_employments" USING btree ("district_code","staff_id");--> statement-breakpoint
CREATE INDEX "workforce_employments_institution_idx" ON "workforce_employments" USING btree ("district_code","institution_id","status");--> statement-breakpoint
CREATE INDEX "workforce_employments_town_idx" ON "workforce_employments" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_employments_one_active_care_uq" ON "workforce_employments" USING btree ("district_code","staff_id") WHERE status = 'active' AND care;--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_staff_id_number_uq" ON "workforce_staff" USING btree ("district_code","id_number_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_staff_passport_uq" ON "workforce_staff" USING btree ("district_code","passport_number_bidx");--> statement-breakpoint
CREATE INDEX "workforce_staff_ban_hash_idx" ON "workforce_staff" USING btree ("district_code","ban_hash");--> statement-breakpoint
CREATE INDEX "workforce_staff_name_idx" ON "workforce_staff" USING btree ("district_code","full_name");--> statement-breakpoint
CREATE INDEX "workforce_training_attendance_staff_idx" ON "workforce_training_attendance" USING btree ("district_code","staff_id");--> statement-breakpoint
CREATE INDEX "workforce_training_events_date_idx" ON "workforce_training_events" USING btree ("district_code","start_date");--> statement-breakpoint
CREATE INDEX "workforce_training_events_institution_idx" ON "workforce_training_events" USING btree ("district_code","institution_id");