ALTER TABLE "institutions" ADD COLUMN "licence_number" varchar(50);--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "licence_issued_on" date;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "licence_valid_until" date;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "licence_issuer" varchar(100);