CREATE TABLE "business_licences" (
	"district_code" varchar(6) NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"name" varchar(100) NOT NULL,
	"status" text NOT NULL,
	"registered_on" date NOT NULL,
	"status_on" date,
	"authority" varchar(100) NOT NULL,
	"business_scope" text DEFAULT '' NOT NULL,
	"source" varchar(64) NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "business_licences_district_code_credit_code_pk" PRIMARY KEY("district_code","credit_code"),
	CONSTRAINT "business_licences_status_enum" CHECK ("status" IN ('active', 'moved_out', 'cancelled', 'revoked', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "api_clients" DROP CONSTRAINT "api_clients_scopes_enum";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_scopes_enum";--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_scopes_enum" CHECK ("scopes" <@ ARRAY['institutions.read', 'licences.write']::text[]);--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_enum" CHECK ("scopes" <@ ARRAY['institutions.read', 'licences.write']::text[]);