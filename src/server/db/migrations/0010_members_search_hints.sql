DROP INDEX "accounts_members_name_idx";--> statement-breakpoint
CREATE INDEX "accounts_search_chars_idx" ON "accounts" USING gin (string_to_array("search_text", null));--> statement-breakpoint
CREATE INDEX "accounts_members_name_idx" ON "accounts" USING btree ("company_id",lower("full_name"),"id","status","full_name","search_text") WHERE "accounts"."kind" = 'member';