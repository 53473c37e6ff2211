import { type Kysely, sql } from "kysely";

/**
 * Predicted vs realised: once contracts dated after a scoring run are imported, the share of the
 * realised hires made by the run's top 10 %, 20 % … establishments (overall, per région and NAF
 * section), one row per run, measured again as later imports extend the window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table algo_run_outcomes (
      run_id integer primary key references algo_runs (id) on delete cascade,
      window_start date not null,
      window_end date not null,
      months smallint not null,
      establishments integer not null,
      hires integer not null,
      unscored_hires integer not null,
      predicted double precision not null,
      report jsonb not null,
      measured_at timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists algo_run_outcomes`.execute(db);
}
