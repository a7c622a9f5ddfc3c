ALTER TABLE "institutions" ADD COLUMN "director_id_number" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "director_id_number_bidx" varchar(64);--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "director_mobile" text;--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_director_id_uq" ON "institutions" USING btree ("district_code","director_id_number_bidx");