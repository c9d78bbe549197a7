-- The schema the hand-written migrations (20261122000000_Users .. 20261201100000_UserDisabled) built on PostgreSQL 15,
-- captured with pg_dump --no-owner --no-acl --inserts from a database created by main at 14f2732, with pg_dump's
-- session settings and comments removed. Migration tests load it to prove that such a database upgrades in place.
-- Never edit: it is history.


CREATE FUNCTION public.jobs_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('platform_jobs', '');
    RETURN NULL;
END $$;

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);

CREATE TABLE public.api_keys (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(16) NOT NULL,
    hash character varying(64) NOT NULL,
    scope character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone
);

CREATE TABLE public.interactions (
    id uuid NOT NULL,
    type character varying(32) NOT NULL,
    status character varying(16) NOT NULL,
    source character varying(32),
    messages_json text,
    rendered_prompt text,
    input_variables_json text,
    response text,
    structured_output_json text,
    finish_reason text,
    error_type text,
    error_message text,
    model_requested character varying(200),
    model character varying(200),
    provider character varying(100),
    prompt_version text,
    input_tokens integer,
    cached_input_tokens integer,
    output_tokens integer,
    total_tokens integer,
    cost_usd double precision,
    latency_ms double precision,
    time_to_first_token_ms double precision,
    cache_hit boolean NOT NULL,
    streamed boolean NOT NULL,
    attempts integer NOT NULL,
    feedback text,
    feedback_comment text,
    quality_score double precision,
    edit_distance integer,
    missing_variables_json text,
    metadata_json text,
    owner_user_id uuid,
    end_user_id text,
    session_id text,
    trace_id text,
    parent_id uuid,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    job_id uuid,
    template text,
    output_format character varying(16),
    rendered_html text
);

CREATE TABLE public.jobs (
    id uuid NOT NULL,
    kind character varying(64) NOT NULL,
    priority character varying(16) NOT NULL,
    priority_rank integer NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    max_attempts integer NOT NULL,
    run_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone,
    lease_owner character varying(200),
    lease_expires_at timestamp with time zone,
    progress integer NOT NULL,
    payload_json text NOT NULL,
    result_json text,
    error text,
    output_id uuid,
    owner_user_id uuid,
    idempotency_key character varying(200),
    cancel_requested boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL
);

CREATE TABLE public.users (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    email character varying(254) NOT NULL,
    role character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    disabled_at timestamp with time zone
);

INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122000000_Users', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122010000_Interactions', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122020000_Jobs', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261201000000_JobOutputs', '10.0.15');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261201100000_UserDisabled', '10.0.15');

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT pk_api_keys PRIMARY KEY (id);

ALTER TABLE ONLY public.interactions
    ADD CONSTRAINT pk_interactions PRIMARY KEY (id);

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT pk_jobs PRIMARY KEY (id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT pk_users PRIMARY KEY (id);

CREATE UNIQUE INDEX ix_api_keys_hash ON public.api_keys USING btree (hash);

CREATE INDEX ix_api_keys_user_id ON public.api_keys USING btree (user_id);

CREATE INDEX ix_interactions_created_at ON public.interactions USING btree (created_at);

CREATE INDEX ix_interactions_owner_user_id_created_at ON public.interactions USING btree (owner_user_id, created_at);

CREATE INDEX ix_interactions_status ON public.interactions USING btree (status);

CREATE INDEX ix_interactions_type_owner_user_id_created_at ON public.interactions USING btree (type, owner_user_id, created_at);

CREATE INDEX ix_jobs_created_at ON public.jobs USING btree (created_at);

CREATE INDEX ix_jobs_owner_user_id_created_at ON public.jobs USING btree (owner_user_id, created_at);

CREATE UNIQUE INDEX ix_jobs_owner_user_id_idempotency_key ON public.jobs USING btree (owner_user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);

CREATE INDEX ix_jobs_status_priority_rank_run_at ON public.jobs USING btree (status, priority_rank, run_at);

CREATE UNIQUE INDEX ix_users_email ON public.users USING btree (email);

CREATE TRIGGER jobs_notify AFTER INSERT ON public.jobs FOR EACH STATEMENT EXECUTE FUNCTION public.jobs_notify();

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT fk_api_keys_users_user_id FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

