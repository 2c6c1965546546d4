CREATE TABLE "usage_feature_keys" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"feature_key" text NOT NULL,
	CONSTRAINT "usage_feature_keys_pk" PRIMARY KEY("org_id","month","feature_key")
);
--> statement-breakpoint
CREATE TABLE "usage_feature_months" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"feature_key" text NOT NULL,
	"active_days" integer NOT NULL,
	CONSTRAINT "usage_feature_months_pk" PRIMARY KEY("org_id","account_id","month","feature_key")
);
--> statement-breakpoint
ALTER TABLE "health_scores" ALTER COLUMN "factors" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "usage_feature_keys" ADD CONSTRAINT "usage_feature_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_feature_months" ADD CONSTRAINT "usage_feature_months_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_feature_months" ADD CONSTRAINT "usage_feature_months_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill both from what is already stored: per-user daily rows (their days are the org's local dates) and the
-- monthly rows' feature lists (which also cover months kept only as monthly estimates).
INSERT INTO "usage_feature_months" ("org_id", "account_id", "month", "feature_key", "active_days")
SELECT d."org_id", d."account_id", date_trunc('month', d."day")::date, f.key, bit_or(1 << (extract(day from d."day")::int - 1))
FROM "usage_daily" d CROSS JOIN LATERAL jsonb_object_keys(d."features") AS f(key)
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "usage_feature_keys" ("org_id", "month", "feature_key")
SELECT DISTINCT m."org_id", m."month", k.key FROM "usage_monthly" m CROSS JOIN LATERAL unnest(m."features_used") AS k(key);
