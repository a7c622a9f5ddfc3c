CREATE TABLE "institution_national_edits" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"fields" text[] NOT NULL,
	CONSTRAINT "institution_national_edits_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "institution_national_edits_fields_enum" CHECK ("fields" <@ ARRAY['name', 'creditCode', 'kind', 'ownership', 'inclusive', 'townCode', 'address', 'directorName', 'serviceForms', 'seats']::text[])
);
--> statement-breakpoint
ALTER TABLE "workforce_staff" ADD COLUMN "registration_number" varchar(50);--> statement-breakpoint
ALTER TABLE "workforce_staff" ADD COLUMN "registration_date" date;--> statement-breakpoint
ALTER TABLE "workforce_staff" ADD COLUMN "registration_issuer" varchar(100);--> statement-breakpoint
ALTER TABLE "institution_national_edits" ADD CONSTRAINT "institution_national_edits_institution_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_national_edits_institution_idx" ON "institution_national_edits" USING btree ("district_code","institution_id","at");