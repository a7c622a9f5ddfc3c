ALTER TABLE "family_facilities" DROP CONSTRAINT "family_facilities_kind_enum";--> statement-breakpoint
ALTER TABLE "plan_targets" DROP CONSTRAINT "plan_targets_target_key_enum";--> statement-breakpoint
ALTER TABLE "family_bookings" ALTER COLUMN "institution_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "family_slots" ALTER COLUMN "institution_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD COLUMN "free_hours" integer;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD COLUMN "charged_hours" integer;--> statement-breakpoint
ALTER TABLE "family_bookings" ADD COLUMN "charge_fen" integer;--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "opening_hours" varchar(100);--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "hourly_price_fen" integer;--> statement-breakpoint
ALTER TABLE "family_facilities" ADD COLUMN "operator" varchar(100);--> statement-breakpoint
ALTER TABLE "family_slots" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "family_slots" ADD CONSTRAINT "family_slots_facility_fk" FOREIGN KEY ("district_code","facility_id") REFERENCES "public"."family_facilities"("district_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_bookings_child_year_idx" ON "family_bookings" USING btree ("district_code","child_id","facility_id");--> statement-breakpoint
CREATE INDEX "family_slots_facility_idx" ON "family_slots" USING btree ("district_code","facility_id","date");--> statement-breakpoint
ALTER TABLE "family_bookings" ADD CONSTRAINT "family_bookings_baobaowu_hours" CHECK ("family_bookings"."facility_id" is null or ("family_bookings"."free_hours" >= 0 and "family_bookings"."charged_hours" >= 0 and "family_bookings"."charge_fen" >= 0));--> statement-breakpoint
ALTER TABLE "family_facilities" ADD CONSTRAINT "family_facilities_baobaowu_check" CHECK (("family_facilities"."capacity" is null or "family_facilities"."capacity" > 0) and ("family_facilities"."hourly_price_fen" is null or "family_facilities"."hourly_price_fen" >= 0));--> statement-breakpoint
ALTER TABLE "family_facilities" ADD CONSTRAINT "family_facilities_kind_enum" CHECK ("kind" IN ('children_service_centre', 'children_home', 'play_observation_room', 'parent_child_room', 'child_friendly_site', 'early_development_base', 'baobaowu'));--> statement-breakpoint
ALTER TABLE "family_slots" ADD CONSTRAINT "family_slots_one_owner" CHECK (("family_slots"."institution_id" is null) <> ("family_slots"."facility_id" is null));--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_target_key_enum" CHECK ("target_key" IN ('inclusive_points_new', 'towns_with_inclusive', 'kindergarten_toddler_share', 'kindergartens_new_toddler_classes', 'certified_rate', 'training_hours', 'district_trainings', 'monthly_draws_held', 'annual_visit_coverage', 'guidance_stations_per_town', 'child_friendly_sites', 'development_base', 'home_visit_coverage', 'guidance_sessions', 'online_coverage', 'handbook_coverage', 'demonstration_institutions', 'fifteen_minute_coverage', 'places_per_thousand', 'inclusive_place_share', 'subsidy_reviewed_in_time', 'baobaowu_coverage'));