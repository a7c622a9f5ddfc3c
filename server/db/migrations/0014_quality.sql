CREATE TABLE "quality_evaluations" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reviewer_institution_id" uuid,
	"submitted_by" uuid,
	"scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" varchar(2000) DEFAULT '' NOT NULL,
	"total_tenths" integer,
	"vetoed" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_evaluations_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_evaluations_kind_enum" CHECK ("kind" IN ('self', 'peer', 'commissioned')),
	CONSTRAINT "quality_evaluations_status_enum" CHECK ("status" IN ('assigned', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "quality_frameworks" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"code" varchar(32) NOT NULL,
	"revision" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"dimensions" jsonb NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"max_points" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_frameworks_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_frameworks_code_rev_uq" UNIQUE("district_code","code","revision")
);
--> statement-breakpoint
CREATE TABLE "quality_improvements" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"title" varchar(200) NOT NULL,
	"dimension_code" varchar(32) DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" varchar(500),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_improvements_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_improvements_status_enum" CHECK ("status" IN ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "quality_participants" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"operator" varchar(100),
	"total_tenths" integer,
	"percent_tenths" integer,
	"grade" text,
	"vetoed" boolean DEFAULT false NOT NULL,
	"dimension_tenths" jsonb,
	"demonstration" boolean DEFAULT false NOT NULL,
	"demonstration_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_participants_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_participants_round_inst_uq" UNIQUE("district_code","round_id","institution_id"),
	CONSTRAINT "quality_participants_grade_enum" CHECK ("grade" IN ('excellent', 'good', 'qualified', 'unqualified'))
);
--> statement-breakpoint
CREATE TABLE "quality_round_evaluators" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"username" varchar(64) NOT NULL,
	"assigned_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quality_round_evaluators_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_round_evaluators_uq" UNIQUE("district_code","round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "quality_rounds" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"framework_id" uuid NOT NULL,
	"status" text NOT NULL,
	"weight_self" integer NOT NULL,
	"weight_peer" integer NOT NULL,
	"weight_commissioned" integer NOT NULL,
	"reviewers_per_institution" integer NOT NULL,
	"self_deadline" timestamp with time zone NOT NULL,
	"review_deadline" timestamp with time zone NOT NULL,
	"blind" boolean NOT NULL,
	"publication" text NOT NULL,
	"draw_commitment" varchar(64) NOT NULL,
	"draw_secret" varchar(64) NOT NULL,
	"draw_seed" varchar(64),
	"draw_result" jsonb,
	"drawn_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quality_rounds_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "quality_rounds_status_enum" CHECK ("status" IN ('open', 'completed')),
	CONSTRAINT "quality_rounds_publication_enum" CHECK ("publication" IN ('none', 'grade', 'grade_and_dimensions'))
);
--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_round_fk" FOREIGN KEY ("district_code","round_id") REFERENCES "public"."quality_rounds"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_participant_fk" FOREIGN KEY ("district_code","participant_id") REFERENCES "public"."quality_participants"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_inst_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_reviewer_fk" FOREIGN KEY ("district_code","reviewer_institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_improvements" ADD CONSTRAINT "quality_improvements_participant_fk" FOREIGN KEY ("district_code","participant_id") REFERENCES "public"."quality_participants"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_participants" ADD CONSTRAINT "quality_participants_round_fk" FOREIGN KEY ("district_code","round_id") REFERENCES "public"."quality_rounds"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_participants" ADD CONSTRAINT "quality_participants_inst_fk" FOREIGN KEY ("district_code","institution_id") REFERENCES "public"."institutions"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_round_evaluators" ADD CONSTRAINT "quality_round_evaluators_round_fk" FOREIGN KEY ("district_code","round_id") REFERENCES "public"."quality_rounds"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_rounds" ADD CONSTRAINT "quality_rounds_framework_fk" FOREIGN KEY ("district_code","framework_id") REFERENCES "public"."quality_frameworks"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_evaluations_round_idx" ON "quality_evaluations" USING btree ("district_code","round_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_participant_idx" ON "quality_evaluations" USING btree ("district_code","participant_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_inst_idx" ON "quality_evaluations" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_reviewer_idx" ON "quality_evaluations" USING btree ("district_code","reviewer_institution_id");--> statement-breakpoint
CREATE INDEX "quality_improvements_participant_idx" ON "quality_improvements" USING btree ("district_code","participant_id");--> statement-breakpoint
CREATE INDEX "quality_improvements_inst_idx" ON "quality_improvements" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "quality_participants_inst_idx" ON "quality_participants" USING btree ("district_code","institution_id");--> statement-breakpoint
CREATE INDEX "quality_round_evaluators_user_idx" ON "quality_round_evaluators" USING btree ("district_code","user_id");--> statement-breakpoint
CREATE INDEX "quality_rounds_framework_idx" ON "quality_rounds" USING btree ("district_code","framework_id");--> statement-breakpoint
CREATE INDEX "quality_rounds_year_idx" ON "quality_rounds" USING btree ("district_code","year");