CREATE TABLE "kept_answers" (
	"district_code" varchar(6) NOT NULL,
	"cache" varchar(40) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"data_version" bigint NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL,
	"answer" jsonb NOT NULL,
	CONSTRAINT "kept_answers_district_code_cache_key_hash_pk" PRIMARY KEY("district_code","cache","key_hash")
);
