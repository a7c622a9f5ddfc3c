CREATE TABLE "api_clients" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"client_id" varchar(40) NOT NULL,
	"name" varchar(100) NOT NULL,
	"department" text NOT NULL,
	"purpose" varchar(300) NOT NULL,
	"scopes" text[] NOT NULL,
	"fields" text[] NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"expires_on" date NOT NULL,
	"secret_hash" varchar(64) NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "api_clients_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "api_clients_department_enum" CHECK ("department" IN ('development_reform', 'planning_resources', 'civil_affairs', 'market_regulation', 'human_resources', 'public_security', 'fire_rescue', 'health_commission', 'womens_federation', 'education', 'other')),
	CONSTRAINT "api_clients_scopes_enum" CHECK ("scopes" <@ ARRAY['institutions.read']::text[]),
	CONSTRAINT "api_clients_fields_enum" CHECK ("fields" <@ ARRAY['name', 'creditCode', 'kind', 'ownership', 'inclusive', 'serviceForms', 'townCode', 'address', 'lat', 'lng', 'publicPhone', 'openingHours', 'status', 'seats', 'enrolled', 'operatorName', 'operatorCreditCode', 'filedAt', 'updatedAt']::text[])
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"district_code" varchar(6) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"client_ref" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_tokens_district_code_token_hash_pk" PRIMARY KEY("district_code","token_hash"),
	CONSTRAINT "api_tokens_scopes_enum" CHECK ("scopes" <@ ARRAY['institutions.read']::text[])
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_client_fk" FOREIGN KEY ("district_code","client_ref") REFERENCES "public"."api_clients"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_client_id_uq" ON "api_clients" USING btree ("district_code","client_id");--> statement-breakpoint
CREATE INDEX "api_tokens_client_idx" ON "api_tokens" USING btree ("district_code","client_ref","expires_at");