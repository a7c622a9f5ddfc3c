CREATE TABLE "audit_chain_head" (
	"district_code" varchar(6) NOT NULL,
	"seq" bigint NOT NULL,
	"hash" varchar(64) NOT NULL,
	CONSTRAINT "audit_chain_head_district_code_pk" PRIMARY KEY("district_code")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"district_code" varchar(6) NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_username" varchar(64),
	"role" text,
	"scope" text,
	"ip" text,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"result" text NOT NULL,
	"request_id" text,
	"changes" jsonb,
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL,
	CONSTRAINT "audit_log_district_code_seq_pk" PRIMARY KEY("district_code","seq")
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"parent_code" varchar(12),
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"district_code" varchar(6) NOT NULL,
	"username" varchar(64) NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_attempts_district_code_username_pk" PRIMARY KEY("district_code","username")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"district_code" varchar(6) NOT NULL,
	"id" varchar(64) NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"ip" text,
	CONSTRAINT "sessions_district_code_id_pk" PRIMARY KEY("district_code","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" varchar(64) NOT NULL,
	"password_hash" text NOT NULL,
	"role" text,
	"scope_kind" text,
	"scope_division_code" varchar(12),
	"scope_institution_id" uuid,
	"scope_family_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "users_username_uq" UNIQUE("district_code","username")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_district_code_user_id_users_district_code_id_fk" FOREIGN KEY ("district_code","user_id") REFERENCES "public"."users"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("district_code","action","at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("district_code","object_type","object_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("district_code","user_id");