CREATE TABLE "infinity_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"policy_username" text,
	"policy_password_hash" text,
	"event_sink_username" text,
	"event_sink_password_hash" text,
	"api_url" text,
	"api_username" text,
	"api_password_sealed" text,
	"reject_unknown_in_our_domains" boolean DEFAULT false NOT NULL,
	"default_domain" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "infinity_settings_single_row" CHECK ("infinity_settings"."id" = 1)
);
--> statement-breakpoint
-- The policy server caches answers in memory (policy-cache.ts). Every change to what an answer
-- is made of notifies channel 'confero_policy' when its transaction commits, and every Confero
-- instance listening drops its cache. Statement-level, so a bulk invite of 10,000 rows sends one
-- notification (PostgreSQL also folds identical notifications of one transaction into one).
CREATE FUNCTION confero_policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('confero_policy', TG_TABLE_NAME);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "service" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "status" ON "companies" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "company_domains" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "kind", "company_id", "role", "status", "full_name", "email", "video_address" ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "video_addresses" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "personal_rooms" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "team_rooms" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "team_room_owners" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "company_id", "name", "address", "twinned_account_id", "sip_password_encrypted", "activated_at" ON "video_systems" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();--> statement-breakpoint
CREATE TRIGGER policy_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "infinity_settings" FOR EACH STATEMENT EXECUTE FUNCTION confero_policy_changed();
