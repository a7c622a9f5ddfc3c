ALTER TABLE "family_facilities" DROP CONSTRAINT "family_facilities_kind_enum";--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "opening_hours" varchar(100);--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "hourly_price_fen" integer;--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "operator" varchar(100);--> statement-breakpoint
ALTER TABLE "family_facilities" ADD CONSTRAINT "family_facilities_baobaowu_check" CHECK (("family_facilities"."capacity" is null or "family_facilities"."capacity" > 0) and ("family_facilities"."hourly_price_fen" is null or "family_facilities"."hourly_price_fen" >= 0));--> statement-breakpoint
ALTER TABLE "family_facilities" ADD CONSTRAINT "family_facilities_kind_enum" CHECK ("kind" IN ('children_service_centre', 'children_home', 'play_observation_room', 'parent_child_room', 'child_friendly_site', 'early_development_base', 'baobaowu'));