ALTER TABLE "workforce_staff" ADD COLUMN "registration_number" varchar(50);--> statement-breakpoint
ALTER TABLE "workforce_staff" ADD COLUMN "registration_date" date;--> statement-breakpoint
ALTER TABLE "workforce_staff" ADD COLUMN "registration_issuer" varchar(100);