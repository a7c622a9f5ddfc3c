CREATE TABLE "operating_attendance" (
	"district_code" varchar(6) NOT NULL,
	"child_id" uuid NOT NULL,
	"day" date NOT NULL,
	"institution_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"marked_by" varchar(64) NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_attendance_district_code_child_id_day_pk" PRIMARY KEY("district_code","child_id","day")
);
--> statement-breakpoint
CREATE TABLE "operating_children" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"child_name" varchar(40) NOT NULL,
	"birth_month" varchar(7) NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_children_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE TABLE "operating_rates" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"citation" varchar(300) NOT NULL,
	"recorded_by" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operating_rates_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "operating_rates_amount_ck" CHECK ("operating_rates"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "operating_settings" (
	"district_code" varchar(6) NOT NULL,
	"min_attended_days" integer NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "operating_settings_district_code_pk" PRIMARY KEY("district_code"),
	CONSTRAINT "operating_settings_min_days_ck" CHECK ("operating_settings"."min_attended_days" between 1 and 23)
);
--> statement-breakpoint
ALTER TABLE "operating_attendance" ADD CONSTRAINT "operating_attendance_child_fk" FOREIGN KEY ("district_code","child_id") REFERENCES "public"."operating_children"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_attendance" ADD CONSTRAINT "operating_attendance_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_attendance" ADD CONSTRAINT "operating_attendance_class_fk" FOREIGN KEY ("district_code","class_id") REFERENCES "public"."institution_classes"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_children" ADD CONSTRAINT "operating_children_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_children" ADD CONSTRAINT "operating_children_class_fk" FOREIGN KEY ("district_code","class_id") REFERENCES "public"."institution_classes"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operating_attendance_class_day_idx" ON "operating_attendance" USING btree ("district_code","class_id","day");--> statement-breakpoint
CREATE INDEX "operating_attendance_institution_idx" ON "operating_attendance" USING btree ("district_code","institution_id","day");--> statement-breakpoint
CREATE INDEX "operating_children_institution_idx" ON "operating_children" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "operating_children_class_idx" ON "operating_children" USING btree ("district_code","class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operating_rates_effective_uq" ON "operating_rates" USING btree ("district_code","effective_from");