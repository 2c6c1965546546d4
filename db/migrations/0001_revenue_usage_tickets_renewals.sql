CREATE TYPE "public"."renewal_outcome" AS ENUM('pending', 'renewed', 'downgraded', 'churned');--> statement-breakpoint
CREATE TYPE "public"."ticket_priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TABLE "renewals" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"arr_due" bigint NOT NULL,
	"outcome" "renewal_outcome" DEFAULT 'pending' NOT NULL,
	"renewed_arr" bigint,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewals_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "revenue_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"mrr" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"churn_reason" text,
	"external_id" text,
	"actor_type" "actor_type" DEFAULT 'system' NOT NULL,
	"actor_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_changes_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"external_id" text,
	"subject" text,
	"priority" "ticket_priority" DEFAULT 'normal' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"resolved_first_contact" boolean DEFAULT false NOT NULL,
	CONSTRAINT "tickets_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_key" text NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"features" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "usage_daily_pk" PRIMARY KEY("org_id","account_id","day","user_key")
);
--> statement-breakpoint
CREATE TABLE "usage_monthly" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"active_users" integer DEFAULT 0 NOT NULL,
	"active_days" integer DEFAULT 0 NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"features_used" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "usage_monthly_pk" PRIMARY KEY("org_id","account_id","month")
);
--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_changes" ADD CONSTRAINT "revenue_changes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_changes" ADD CONSTRAINT "revenue_changes_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "renewals_due_idx" ON "renewals" USING btree ("org_id","due_date");--> statement-breakpoint
CREATE INDEX "renewals_account_idx" ON "renewals" USING btree ("org_id","account_id","due_date");--> statement-breakpoint
CREATE INDEX "revenue_changes_account_seq_idx" ON "revenue_changes" USING btree ("org_id","account_id","effective_date","recorded_at");--> statement-breakpoint
CREATE INDEX "revenue_changes_date_idx" ON "revenue_changes" USING btree ("org_id","effective_date");--> statement-breakpoint
CREATE INDEX "tickets_account_idx" ON "tickets" USING btree ("org_id","account_id","opened_at");--> statement-breakpoint
CREATE INDEX "tickets_closed_idx" ON "tickets" USING btree ("org_id","closed_at");--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("org_id","day");