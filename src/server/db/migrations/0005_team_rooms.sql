CREATE TABLE "team_room_owners" (
	"company_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_room_owners_pkey" PRIMARY KEY("room_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "team_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"host_pin" text,
	"guest_pin" text,
	"owner_mode" text DEFAULT 'admins' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_rooms_owner_mode" CHECK ("team_rooms"."owner_mode" in ('admins', 'all_members', 'chosen'))
);
--> statement-breakpoint
ALTER TABLE "team_room_owners" ADD CONSTRAINT "team_room_owners_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_room_owners" ADD CONSTRAINT "team_room_owners_room_id_team_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."team_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_room_owners" ADD CONSTRAINT "team_room_owners_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_rooms" ADD CONSTRAINT "team_rooms_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_room_owners_account_idx" ON "team_room_owners" USING btree ("company_id","account_id");--> statement-breakpoint
CREATE INDEX "team_rooms_company_name_idx" ON "team_rooms" USING btree ("company_id",lower("name"),"id");