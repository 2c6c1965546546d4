CREATE TYPE "public"."alert_priority" AS ENUM('low', 'medium', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."alert_status" AS ENUM('open', 'snoozed', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."notification_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."playbook_trigger" AS ENUM('health_below', 'health_drop', 'band_red', 'detractor', 'renewal_due', 'low_utilization', 'usage_drop', 'champion_left');--> statement-breakpoint
CREATE TABLE "alert_notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"playbook_id" uuid NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"target" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" "notification_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_notifications_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"playbook_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" "alert_status" DEFAULT 'open' NOT NULL,
	"priority" "alert_priority" NOT NULL,
	"reason" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignee_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_count" integer DEFAULT 1 NOT NULL,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"snoozed_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "playbooks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"trigger" "playbook_trigger" NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"priority" "alert_priority" DEFAULT 'medium' NOT NULL,
	"assignee_id" uuid,
	"notify_email" boolean DEFAULT false NOT NULL,
	"webhook_url" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_notification_error" text,
	"last_notification_error_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbooks_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_alert_fk" FOREIGN KEY ("org_id","alert_id") REFERENCES "public"."alerts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_playbook_fk" FOREIGN KEY ("org_id","playbook_id") REFERENCES "public"."playbooks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_playbook_fk" FOREIGN KEY ("org_id","playbook_id") REFERENCES "public"."playbooks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_assignee_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE set null ("assignee_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_assignee_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE set null ("assignee_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_notifications_due_idx" ON "alert_notifications" USING btree ("org_id","next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "alert_notifications_playbook_idx" ON "alert_notifications" USING btree ("org_id","playbook_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_open_uq" ON "alerts" USING btree ("org_id","playbook_id","account_id") WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_inbox_idx" ON "alerts" USING btree ("org_id","status","last_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "alerts_assignee_idx" ON "alerts" USING btree ("org_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "alerts_account_idx" ON "alerts" USING btree ("org_id","account_id","opened_at" DESC NULLS LAST);