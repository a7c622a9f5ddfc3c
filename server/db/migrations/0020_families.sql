CREATE TABLE "families" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"address" varchar(200) NOT NULL,
	"resident" boolean NOT NULL,
	"source" text NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "families_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "families_source_enum" CHECK ("source" IN ('birth_record', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "family_applications" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"preferences" uuid[] NOT NULL,
	"service_form" text NOT NULL,
	"start_date" date NOT NULL,
	"status" text NOT NULL,
	"offered_institution_id" uuid,
	"reason" varchar(200),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_applications_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_applications_service_form_enum" CHECK ("service_form" IN ('full_day', 'half_day', 'hourly')),
	CONSTRAINT "family_applications_status_enum" CHECK ("status" IN ('submitted', 'offered', 'accepted', 'declined', 'enrolled', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "family_bookings" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "family_bookings_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_bookings_status_enum" CHECK ("status" IN ('booked', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "family_children" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_name" varchar(50) NOT NULL,
	"id_number" text,
	"id_number_bidx" varchar(64),
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_children_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_children_sex_enum" CHECK ("sex" IN ('male', 'female'))
);
--> statement-breakpoint
CREATE TABLE "family_communities" (
	"district_code" varchar(6) NOT NULL,
	"code" varchar(12) NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"name" varchar(50) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_communities_district_code_code_pk" PRIMARY KEY("district_code","code")
);
--> statement-breakpoint
CREATE TABLE "family_consents" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"notice_version" varchar(20) NOT NULL,
	"channel" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "family_consents_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_consents_purpose_enum" CHECK ("purpose" IN ('home_visit', 'guidance_signup', 'online_resources')),
	CONSTRAINT "family_consents_status_enum" CHECK ("status" IN ('given', 'withdrawn')),
	CONSTRAINT "family_consents_channel_enum" CHECK ("channel" IN ('paper', 'online', 'phone', 'in_person'))
);
--> statement-breakpoint
CREATE TABLE "family_guardians" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"guardian_name" varchar(50) NOT NULL,
	"relation" text NOT NULL,
	"id_number" text,
	"id_number_bidx" varchar(64),
	"mobile" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_guardians_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_guardians_relation_enum" CHECK ("relation" IN ('mother', 'father', 'grandparent', 'other'))
);
--> statement-breakpoint
CREATE TABLE "family_slots" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"date" date NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"cancel_deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_slots_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_slots_booked_le_capacity" CHECK ("family_slots"."booked" >= 0 and "family_slots"."booked" <= "family_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "family_visits" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"worker_id" uuid,
	"worker_name" varchar(64),
	"scheduled_for" date NOT NULL,
	"status" text NOT NULL,
	"visited_on" date,
	"feeding" varchar(500),
	"growth" varchar(500),
	"safety" varchar(500),
	"disease_prevention" varchar(500),
	"handbook_given" boolean,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_visits_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_visits_status_enum" CHECK ("status" IN ('scheduled', 'done', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_community_fk" FOREIGN KEY ("district_code","community_code") REFERENCES "public"."family_communities"("district_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_applications" ADD CONSTRAINT "family_applications_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_applications" ADD CONSTRAINT "family_applications_child_fk" FOREIGN KEY ("district_code","child_id") REFERENCES "public"."family_children"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD CONSTRAINT "family_bookings_slot_fk" FOREIGN KEY ("district_code","slot_id") REFERENCES "public"."family_slots"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD CONSTRAINT "family_bookings_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD CONSTRAINT "family_bookings_child_fk" FOREIGN KEY ("district_code","child_id") REFERENCES "public"."family_children"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_children" ADD CONSTRAINT "family_children_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_consents" ADD CONSTRAINT "family_consents_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_consents" ADD CONSTRAINT "family_consents_guardian_fk" FOREIGN KEY ("district_code","guardian_id") REFERENCES "public"."family_guardians"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_guardians" ADD CONSTRAINT "family_guardians_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_slots" ADD CONSTRAINT "family_slots_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_visits" ADD CONSTRAINT "family_visits_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "families_community_idx" ON "families" USING btree ("district_code","community_code");--> statement-breakpoint
CREATE INDEX "families_town_idx" ON "families" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE INDEX "family_applications_family_idx" ON "family_applications" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE INDEX "family_applications_child_idx" ON "family_applications" USING btree ("district_code","child_id");--> statement-breakpoint
CREATE INDEX "family_applications_status_idx" ON "family_applications" USING btree ("district_code","status","created_at");--> statement-breakpoint
CREATE INDEX "family_applications_preferences_idx" ON "family_applications" USING gin ("preferences");--> statement-breakpoint
CREATE INDEX "family_bookings_slot_idx" ON "family_bookings" USING btree ("district_code","slot_id","status","created_at");--> statement-breakpoint
CREATE INDEX "family_bookings_family_idx" ON "family_bookings" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE INDEX "family_bookings_child_idx" ON "family_bookings" USING btree ("district_code","child_id");--> statement-breakpoint
CREATE INDEX "family_bookings_institution_idx" ON "family_bookings" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_bookings_one_per_child_uq" ON "family_bookings" USING btree ("district_code","slot_id","child_id") WHERE "family_bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "family_children_family_idx" ON "family_children" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_children_id_number_uq" ON "family_children" USING btree ("district_code","id_number_bidx");--> statement-breakpoint
CREATE INDEX "family_children_birth_idx" ON "family_children" USING btree ("district_code","birth_date");--> statement-breakpoint
CREATE INDEX "family_communities_town_idx" ON "family_communities" USING btree ("district_code","town_code");--> statement-breakpoint
CREATE UNIQUE INDEX "family_consents_guardian_purpose_uq" ON "family_consents" USING btree ("district_code","guardian_id","purpose");--> statement-breakpoint
CREATE INDEX "family_consents_family_idx" ON "family_consents" USING btree ("district_code","family_id","purpose","status");--> statement-breakpoint
CREATE UNIQUE INDEX "family_guardians_position_uq" ON "family_guardians" USING btree ("district_code","family_id","position");--> statement-breakpoint
CREATE INDEX "family_guardians_id_number_idx" ON "family_guardians" USING btree ("district_code","id_number_bidx");--> statement-breakpoint
CREATE INDEX "family_slots_institution_idx" ON "family_slots" USING btree ("district_code","institution_id","date");--> statement-breakpoint
CREATE INDEX "family_slots_date_idx" ON "family_slots" USING btree ("district_code","date");--> statement-breakpoint
CREATE INDEX "family_visits_family_idx" ON "family_visits" USING btree ("district_code","family_id","visited_on");--> statement-breakpoint
CREATE INDEX "family_visits_town_idx" ON "family_visits" USING btree ("district_code","town_code","status","scheduled_for");--> statement-breakpoint
CREATE INDEX "family_visits_worker_idx" ON "family_visits" USING btree ("district_code","worker_id","status");