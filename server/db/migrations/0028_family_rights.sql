CREATE TABLE "family_requests" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"guardian_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"detail" varchar(500),
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"due_on" date,
	"resolution" varchar(200),
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_requests_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "family_requests_kind_enum" CHECK ("kind" IN ('correction', 'deletion')),
	CONSTRAINT "family_requests_field_enum" CHECK ("field" IN ('child_name', 'child_id_number', 'birth_date', 'guardian_name', 'guardian_id_number', 'mobile', 'address', 'other')),
	CONSTRAINT "family_requests_status_enum" CHECK ("status" IN ('submitted', 'done', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "family_guardians" ALTER COLUMN "mobile" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_family_fk" FOREIGN KEY ("district_code","family_id") REFERENCES "public"."families"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_requests" ADD CONSTRAINT "family_requests_guardian_fk" FOREIGN KEY ("district_code","guardian_id") REFERENCES "public"."family_guardians"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_requests_family_idx" ON "family_requests" USING btree ("district_code","family_id");--> statement-breakpoint
CREATE INDEX "family_requests_guardian_idx" ON "family_requests" USING btree ("district_code","guardian_id");--> statement-breakpoint
CREATE INDEX "family_requests_town_idx" ON "family_requests" USING btree ("district_code","town_code","status","due_on");