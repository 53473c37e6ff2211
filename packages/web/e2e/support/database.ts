import pg from "pg";

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/**
 * A new, empty PostgreSQL database next to the one DATABASE_URL names (`<db>_e2e_<label>_<time>`),
 * so that a journey never sees another run's rows. The server migrates and loads it on start.
 */
export async function createFreshDatabase(adminUrl: string, label: string): Promise<FreshDatabase> {
  const base = decodeURIComponent(new URL(adminUrl).pathname.replace(/^\//, "")) || "postgres";
  const suffix = `${label}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  // PostgreSQL truncates identifiers at 63 bytes: keep the unique suffix whole.
  const name = `${base.slice(0, 63 - suffix.length - 5)}_e2e_${suffix}`;

  const admin = await connectAdmin(adminUrl);
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }

  return {
    url: withDatabaseName(adminUrl, name),
    async drop() {
      const client = await connectAdmin(adminUrl);
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Connects to DATABASE_URL's database, or to « postgres » when that one does not exist (yet). */
async function connectAdmin(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== "3D000") throw error; // invalid_catalog_name
    const fallback = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
    await fallback.connect();
    return fallback;
  }
}
