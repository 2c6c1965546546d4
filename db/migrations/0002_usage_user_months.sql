CREATE TABLE "usage_user_months" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"user_key" text NOT NULL,
	"active_days" integer NOT NULL,
	CONSTRAINT "usage_user_months_pk" PRIMARY KEY("org_id","account_id","month","user_key")
);
--> statement-breakpoint
ALTER TABLE "usage_user_months" ADD CONSTRAINT "usage_user_months_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_user_months" ADD CONSTRAINT "usage_user_months_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_user_months_month_idx" ON "usage_user_months" USING btree ("org_id","month");