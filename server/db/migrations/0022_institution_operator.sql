ALTER TABLE "institutions" ADD COLUMN "operator_name" varchar(100);--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "operator_credit_code" varchar(18);