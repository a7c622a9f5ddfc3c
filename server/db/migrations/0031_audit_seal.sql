-- The audit trail is sealed after commit (ADR 0017): entries get an insertion number at once and
-- their chain seq/hash when the sealer links them; existing rows get entry numbers in storage order.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_district_code_seq_pk";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "entry_no" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_district_code_entry_no_pk" PRIMARY KEY("district_code","entry_no");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("district_code","seq");--> statement-breakpoint
CREATE INDEX "audit_log_pending_idx" ON "audit_log" USING btree ("district_code","entry_no") WHERE seq is null;--> statement-breakpoint
-- Still append-only, with one exception: the sealer links a pending entry (seq, prev_hash and hash
-- from null to set), changing nothing else. A sealed entry, DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.district_code, NEW.entry_no, NEW.at, NEW.actor_id, NEW.actor_username, NEW.role, NEW.scope,
          NEW.ip, NEW.action, NEW.object_type, NEW.object_id, NEW.result, NEW.request_id, NEW.changes)
         IS NOT DISTINCT FROM
         (OLD.district_code, OLD.entry_no, OLD.at, OLD.actor_id, OLD.actor_username, OLD.role, OLD.scope,
          OLD.ip, OLD.action, OLD.object_type, OLD.object_id, OLD.result, OLD.request_id, OLD.changes)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
