CREATE TABLE "stored_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"response" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"input_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stored_responses_expires_idx" ON "stored_responses" USING btree ("expires_at");