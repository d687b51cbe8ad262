CREATE TABLE "call_legs" (
	"uuid" text PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"service_tag" text,
	"target_kind" text,
	"target_id" uuid,
	"caller_kind" text,
	"caller_id" uuid,
	"conference" text,
	"service_type" text NOT NULL,
	"protocol" text,
	"direction" text,
	"source_alias" text,
	"destination_alias" text,
	"display_name" text,
	"role" text,
	"node" text,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" double precision,
	"disconnect_reason" text,
	"ended_by" text,
	"counted_day" date,
	"last_event_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_instances" (
	"node" text NOT NULL,
	"name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"company_id" uuid,
	"room_kind" text,
	"room_id" uuid,
	CONSTRAINT "conference_instances_pkey" PRIMARY KEY("node","name","started_at")
);
--> statement-breakpoint
CREATE TABLE "event_inbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_inbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"node" text NOT NULL,
	"seq" bigint NOT NULL,
	"event_time" double precision NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_sink_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rejected_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"node" text,
	"event" text,
	"reason" text NOT NULL,
	"sample" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"company_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"call_seconds" double precision DEFAULT 0 NOT NULL,
	"room_seconds" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_pkey" PRIMARY KEY("company_id","dimension","day","key")
);
--> statement-breakpoint
ALTER TABLE "call_legs" ADD CONSTRAINT "call_legs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_instances" ADD CONSTRAINT "conference_instances_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_intervals" ADD CONSTRAINT "room_intervals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_legs_company_connected_idx" ON "call_legs" USING btree ("company_id","connected_at");--> statement-breakpoint
CREATE INDEX "call_legs_open_idx" ON "call_legs" USING btree ("last_event_at") WHERE "call_legs"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "call_legs_created_idx" ON "call_legs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "conference_instances_open_idx" ON "conference_instances" USING btree ("started_at") WHERE "conference_instances"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_inbox_envelope_key" ON "event_inbox" USING btree ("node","seq","event_time");--> statement-breakpoint
CREATE INDEX "event_inbox_pending_idx" ON "event_inbox" USING btree ("id") WHERE "event_inbox"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "event_inbox_received_idx" ON "event_inbox" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "rejected_events_received_idx" ON "rejected_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "room_intervals_room_idx" ON "room_intervals" USING btree ("company_id","room_id","started_at");