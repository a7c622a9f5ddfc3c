CREATE TABLE "api_webhook_deliveries" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"webhook_ref" uuid NOT NULL,
	"kind" text NOT NULL,
	"first_seq" bigint,
	"last_seq" bigint,
	"events" integer NOT NULL,
	"outcome" text NOT NULL,
	"status" integer,
	"duration_ms" integer NOT NULL,
	"attempt" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_webhook_deliveries_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "api_webhook_deliveries_kind_enum" CHECK ("kind" IN ('events', 'test')),
	CONSTRAINT "api_webhook_deliveries_outcome_enum" CHECK ("outcome" IN ('delivered', 'http_error', 'timeout', 'network_error', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "api_webhooks" (
	"district_code" varchar(6) NOT NULL,
	"id" uuid NOT NULL,
	"client_ref" uuid NOT NULL,
	"url" varchar(500) NOT NULL,
	"secret_sealed" varchar(200) NOT NULL,
	"secret_rotated_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"cursor_seq" bigint NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_delivered_at" timestamp with time zone,
	"last_status" integer,
	"last_outcome" text,
	"failing_since" timestamp with time zone,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "api_webhooks_district_code_id_pk" PRIMARY KEY("district_code","id"),
	CONSTRAINT "api_webhooks_state_enum" CHECK ("state" IN ('active', 'failing', 'disabled')),
	CONSTRAINT "api_webhooks_last_outcome_enum" CHECK ("last_outcome" IN ('delivered', 'http_error', 'timeout', 'network_error', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "api_webhook_deliveries" ADD CONSTRAINT "api_webhook_deliveries_webhook_fk" FOREIGN KEY ("district_code","webhook_ref") REFERENCES "public"."api_webhooks"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_webhooks" ADD CONSTRAINT "api_webhooks_client_fk" FOREIGN KEY ("district_code","client_ref") REFERENCES "public"."api_clients"("district_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_webhook_deliveries_webhook_idx" ON "api_webhook_deliveries" USING btree ("district_code","webhook_ref","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_webhooks_client_uq" ON "api_webhooks" USING btree ("district_code","client_ref");--> statement-breakpoint
CREATE INDEX "api_webhooks_due_idx" ON "api_webhooks" USING btree ("district_code","state","next_attempt_at");