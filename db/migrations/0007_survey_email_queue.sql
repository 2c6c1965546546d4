ALTER TABLE "survey_invitations" ADD COLUMN "email_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "next_email_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "survey_invitations_email_due_idx" ON "survey_invitations" USING btree ("org_id","next_email_at") WHERE delivery = 'queued';