CREATE TABLE "endpoint_activation_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"video_system_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "video_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"serial_number" text,
	"twinned_account_id" uuid,
	"sip_password_encrypted" text,
	"activated_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"connect_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "endpoint_activation_codes" ADD CONSTRAINT "endpoint_activation_codes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_activation_codes" ADD CONSTRAINT "endpoint_activation_codes_video_system_id_video_systems_id_fk" FOREIGN KEY ("video_system_id") REFERENCES "public"."video_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_systems" ADD CONSTRAINT "video_systems_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_systems" ADD CONSTRAINT "video_systems_twinned_account_id_accounts_id_fk" FOREIGN KEY ("twinned_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endpoint_activation_codes_system_idx" ON "endpoint_activation_codes" USING btree ("company_id","video_system_id");--> statement-breakpoint
CREATE INDEX "video_systems_company_name_idx" ON "video_systems" USING btree ("company_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "video_systems_twinned_idx" ON "video_systems" USING btree ("company_id","twinned_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "video_systems_address_key" ON "video_systems" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "video_systems_connect_token_key" ON "video_systems" USING btree ("connect_token");--> statement-breakpoint
CREATE UNIQUE INDEX "video_systems_serial_key" ON "video_systems" USING btree ("serial_number") WHERE "video_systems"."serial_number" is not null;