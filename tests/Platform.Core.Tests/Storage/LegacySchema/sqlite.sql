-- The schema the hand-written migrations (20261122000000_Users .. 20261201100000_UserDisabled) built on SQLite,
-- captured with sqlite3 .schema and .dump of __EFMigrationsHistory from a database created by main at 14f2732.
-- Migration tests load it to prove that such a database upgrades in place. Never edit: it is history.
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
, "disabled_at" TEXT NULL);
CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email");
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_api_keys_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_api_keys_hash" ON "api_keys" ("hash");
CREATE INDEX "ix_api_keys_user_id" ON "api_keys" ("user_id");
CREATE TABLE IF NOT EXISTS "interactions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_interactions" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NULL,
    "messages_json" TEXT NULL,
    "rendered_prompt" TEXT NULL,
    "input_variables_json" TEXT NULL,
    "response" TEXT NULL,
    "structured_output_json" TEXT NULL,
    "finish_reason" TEXT NULL,
    "error_type" TEXT NULL,
    "error_message" TEXT NULL,
    "model_requested" TEXT NULL,
    "model" TEXT NULL,
    "provider" TEXT NULL,
    "prompt_version" TEXT NULL,
    "input_tokens" INTEGER NULL,
    "cached_input_tokens" INTEGER NULL,
    "output_tokens" INTEGER NULL,
    "total_tokens" INTEGER NULL,
    "cost_usd" REAL NULL,
    "latency_ms" REAL NULL,
    "time_to_first_token_ms" REAL NULL,
    "cache_hit" INTEGER NOT NULL,
    "streamed" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "feedback" TEXT NULL,
    "feedback_comment" TEXT NULL,
    "quality_score" REAL NULL,
    "edit_distance" INTEGER NULL,
    "missing_variables_json" TEXT NULL,
    "metadata_json" TEXT NULL,
    "owner_user_id" TEXT NULL,
    "end_user_id" TEXT NULL,
    "session_id" TEXT NULL,
    "trace_id" TEXT NULL,
    "parent_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "completed_at" TEXT NULL
, "job_id" TEXT NULL, "template" TEXT NULL, "output_format" TEXT NULL, "rendered_html" TEXT NULL);
CREATE INDEX "ix_interactions_owner_user_id_created_at" ON "interactions" ("owner_user_id", "created_at");
CREATE INDEX "ix_interactions_created_at" ON "interactions" ("created_at");
CREATE INDEX "ix_interactions_status" ON "interactions" ("status");
CREATE TABLE IF NOT EXISTS "jobs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_jobs" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "priority_rank" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "max_attempts" INTEGER NOT NULL,
    "run_at" TEXT NOT NULL,
    "next_attempt_at" TEXT NULL,
    "lease_owner" TEXT NULL,
    "lease_expires_at" TEXT NULL,
    "progress" INTEGER NOT NULL,
    "payload_json" TEXT NOT NULL,
    "result_json" TEXT NULL,
    "error" TEXT NULL,
    "output_id" TEXT NULL,
    "owner_user_id" TEXT NULL,
    "idempotency_key" TEXT NULL,
    "cancel_requested" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "started_at" TEXT NULL,
    "completed_at" TEXT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE INDEX "ix_jobs_status_priority_rank_run_at" ON "jobs" ("status", "priority_rank", "run_at");
CREATE UNIQUE INDEX "ix_jobs_owner_user_id_idempotency_key" ON "jobs" ("owner_user_id", "idempotency_key") WHERE idempotency_key IS NOT NULL;
CREATE INDEX "ix_jobs_owner_user_id_created_at" ON "jobs" ("owner_user_id", "created_at");
CREATE INDEX "ix_jobs_created_at" ON "jobs" ("created_at");
CREATE INDEX "ix_interactions_type_owner_user_id_created_at" ON "interactions" ("type", "owner_user_id", "created_at");
INSERT INTO "__EFMigrationsHistory" VALUES ('20261122000000_Users', '10.0.15');
INSERT INTO "__EFMigrationsHistory" VALUES ('20261122010000_Interactions', '10.0.15');
INSERT INTO "__EFMigrationsHistory" VALUES ('20261122020000_Jobs', '10.0.15');
INSERT INTO "__EFMigrationsHistory" VALUES ('20261201000000_JobOutputs', '10.0.15');
INSERT INTO "__EFMigrationsHistory" VALUES ('20261201100000_UserDisabled', '10.0.15');
