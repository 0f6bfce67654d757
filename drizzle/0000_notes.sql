CREATE TABLE "app_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_reports" (
	"note_id" bigint NOT NULL,
	"reporter_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_reports_note_id_reporter_hash_pk" PRIMARY KEY("note_id","reporter_hash")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lesson_slug" text NOT NULL,
	"body" text NOT NULL,
	"body_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"sdk_version" text NOT NULL,
	"author_hash" text NOT NULL,
	"hidden_reason" text,
	"report_count" integer DEFAULT 0 NOT NULL,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_hidden_reason_check" CHECK ("notes"."hidden_reason" in ('reports', 'moderator')),
	CONSTRAINT "notes_report_count_check" CHECK ("notes"."report_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "note_reports" ADD CONSTRAINT "note_reports_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_reports_reporter_idx" ON "note_reports" USING btree ("reporter_hash","created_at");--> statement-breakpoint
CREATE INDEX "notes_lesson_visible_idx" ON "notes" USING btree ("lesson_slug","id" DESC NULLS LAST) WHERE "notes"."hidden_reason" is null;--> statement-breakpoint
CREATE INDEX "notes_hidden_idx" ON "notes" USING btree ("id" DESC NULLS LAST) WHERE "notes"."hidden_reason" is not null;--> statement-breakpoint
CREATE INDEX "notes_author_created_idx" ON "notes" USING btree ("author_hash","created_at");--> statement-breakpoint
CREATE INDEX "notes_lesson_created_idx" ON "notes" USING btree ("lesson_slug","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notes_lesson_body_hash_key" ON "notes" USING btree ("lesson_slug","body_hash");