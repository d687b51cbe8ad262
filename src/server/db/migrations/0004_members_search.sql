-- pg_trgm gives the members search its trigram index (PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "accounts_company_name_order_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower("accounts"."full_name") || chr(10) || "accounts"."email" || chr(10) || coalesce("accounts"."video_address", '')) STORED;--> statement-breakpoint
CREATE INDEX "accounts_members_company_idx" ON "accounts" USING btree ("company_id","status") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_name_idx" ON "accounts" USING btree ("company_id",lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_email_idx" ON "accounts" USING btree ("company_id","email",lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_video_address_idx" ON "accounts" USING btree ("company_id","video_address",lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_created_idx" ON "accounts" USING btree ("company_id","created_at",lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_created_desc_idx" ON "accounts" USING btree ("company_id","created_at" desc,lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_status_idx" ON "accounts" USING btree ("company_id","status",lower("full_name"),"id","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_members_role_idx" ON "accounts" USING btree ("company_id","role",lower("full_name"),"id","status","full_name") WHERE "accounts"."kind" = 'member';--> statement-breakpoint
CREATE INDEX "accounts_search_trgm_idx" ON "accounts" USING gin ("search_text" gin_trgm_ops);