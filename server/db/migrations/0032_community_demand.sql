ALTER TABLE "family_communities" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "family_communities" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "family_communities" ADD COLUMN "children_under3" integer;--> statement-breakpoint
ALTER TABLE "family_communities" ADD COLUMN "demand_source" text;--> statement-breakpoint
ALTER TABLE "family_communities" ADD COLUMN "demand_as_of" date;--> statement-breakpoint
ALTER TABLE "family_communities" ADD CONSTRAINT "family_communities_children_ck" CHECK ("family_communities"."children_under3" is null or "family_communities"."children_under3" >= 0);--> statement-breakpoint
ALTER TABLE "family_communities" ADD CONSTRAINT "family_communities_demand_source_enum" CHECK ("demand_source" IN ('statistics', 'synthetic'));