import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { installFrenchZodMessages } from "@tremplin/core";
import { z } from "zod";
import { resolveFromRoot } from "./lib/paths.js";

installFrenchZodMessages();

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const intIn = (min: number, max: number) =>
  z.coerce
    .number({ error: "doit être un nombre entier" })
    .int("doit être un nombre entier")
    .min(min, `doit être au moins ${min}`)
    .max(max, `doit être au plus ${max}`);

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/**
 * Every environment variable the service reads, with its default and what it means.
 * This schema is the documentation: README.md lists the same variables.
 */
export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development")
    .describe("development (défaut), production ou test"),
  PORT: intIn(1, 65535).default(3000).describe("Port HTTP"),
  HOST: z.string().min(1).default("localhost").describe("Adresse d'écoute (0.0.0.0 derrière un proxy)"),
  PUBLIC_URL: z
    .preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, error: "doit être une URL http(s) complète" }).optional(),
    )
    .describe("URL publique, base de tous les liens des e-mails (défaut http://localhost:PORT)"),
  DATA_DIR: z.string().min(1).default("./.data").describe("Dossier des données locales (PGlite, secret de session)"),
  DATABASE_URL: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "doit commencer par postgres:// ou postgresql://")
        .optional(),
    )
    .describe("PostgreSQL ; absent : PGlite dans DATA_DIR/pglite"),
  SMTP_URL: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, "doit commencer par smtp:// ou smtps://")
        .optional(),
    )
    .describe("Serveur SMTP ; absent : boîte de développement sur /dev/mailbox"),
  MAIL_FROM: z
    .string()
    .min(3)
    .default("Tremplin <ne-pas-repondre@tremplin.localhost>")
    .describe("Expéditeur des e-mails"),
  CONTACT_EMAIL: z
    .email("doit être une adresse e-mail")
    .default("contact@tremplin.localhost")
    .describe("Adresse qui reçoit les messages du formulaire /contact (et les demandes de clé d'API)"),
  OPERATOR_NAME: z
    .string()
    .min(1)
    .default("[Nom de l'opérateur du service]")
    .describe("Mentions légales : éditeur du service (raison sociale), responsable du traitement"),
  OPERATOR_ADDRESS: z
    .string()
    .min(1)
    .default("[Adresse postale de l'opérateur]")
    .describe("Mentions légales : adresse postale de l'éditeur"),
  PUBLICATION_DIRECTOR: z
    .string()
    .min(1)
    .default("[Nom du directeur ou de la directrice de la publication]")
    .describe("Mentions légales : directeur ou directrice de la publication"),
  DPO_EMAIL: z
    .preprocess(emptyAsUndefined, z.email("doit être une adresse e-mail").optional())
    .describe("Données personnelles : adresse du délégué à la protection des données (défaut : CONTACT_EMAIL)"),
  HOSTING_PROVIDER: z
    .string()
    .min(1)
    .default("[Nom, adresse et téléphone de l'hébergeur]")
    .describe("Mentions légales : hébergeur (nom, adresse, téléphone)"),
  SESSION_SECRET: z
    .preprocess(emptyAsUndefined, z.string().min(32, "doit compter au moins 32 caractères").optional())
    .describe("Secret de signature (liens en un clic) ; en développement, généré une fois dans DATA_DIR"),
  LOG_LEVEL: z.enum(logLevels).optional().describe("Niveau des journaux (défaut info, warn en test)"),
  DEMO_DATA: z
    .preprocess(emptyAsUndefined, z.enum(["true", "false"]).optional())
    .describe("Charger le jeu de démonstration dans une base vide (défaut true hors production)"),
  SCHEDULER: z.enum(["on", "off"]).default("on").describe("Tâches planifiées dans ce processus"),
  SCHEDULER_EVERY_SECONDS: z
    .preprocess(emptyAsUndefined, intIn(1, 59).optional())
    .describe(
      "Tests seulement (parcours navigateur) : chaque tâche planifiée tourne toutes les N secondes au lieu de son horaire",
    ),
  SCHEDULER_JOBS: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9:-]+(,[a-z0-9:-]+)*$/, "doit être une liste de noms de tâches séparés par des virgules")
        .optional(),
    )
    .describe("Tâches planifiées dans ce processus : toutes (défaut), ou ces noms (ex. offers:remind,offers:expire)"),
  OFFER_TTL_DAYS: intIn(1, 365)
    .default(30)
    .describe("Durée de vie d'une offre après publication ou prolongation (jours)"),
  OFFER_REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, "doit être une liste de nombres de jours séparés par des virgules, ex. 7,1")
    .default("7,1")
    .describe("Rappels avant expiration, en jours (chacun envoyé une fois par offre et par période)"),
  CFA_MATCH_RADIUS_KM: intIn(1, 500)
    .default(100)
    .describe(
      "Mise en relation : rayon (km) autour du lieu de travail dans lequel les CFA sont proposés à l'entreprise",
    ),
  TRUST_PROXY: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine(
          (v) => /^\d{1,2}$/.test(v) || v.split(",").every((item) => isAddressOrCidr(item.trim())),
          "doit être un nombre de proxys (ex. 1) ou une liste d'adresses IP ou de réseaux CIDR séparés par des virgules (ex. 10.0.0.0/8,::1)",
        )
        .optional(),
    )
    .describe(
      "Proxys de confiance devant le service : absent, aucun (l'adresse du client est celle de la connexion) ; un nombre de proxys (ex. 1) ou une liste d'adresses/réseaux CIDR (ex. 10.0.0.0/8). Sert aux limites par adresse et à l'adresse enregistrée des sessions",
    ),
  RATE_LIMIT_PER_MINUTE: intIn(1, 1_000_000)
    .default(600)
    .describe("Requêtes par minute et par adresse IP (anonymes) ; certaines routes sont plus strictes"),
  SIRENE_API_URL: z
    .preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, error: "doit être une URL http(s) complète" }).optional(),
    )
    .describe(
      "API Sirene de l'INSEE (ex. https://api.insee.fr/api-sirene/3.11) ; absente : annuaire embarqué seul (import:sirene)",
    ),
  SIRENE_API_KEY: z
    .preprocess(emptyAsUndefined, z.string().min(8, "doit compter au moins 8 caractères").optional())
    .describe("Clé d'intégration du portail des API de l'INSEE, envoyée dans X-INSEE-Api-Key-Integration"),
  ALGO_THRESHOLD: intIn(1, 100)
    .default(30)
    .describe("Algorithme : score métier (0–100) à partir duquel une entreprise est exposée pour ce métier"),
  ALGO_THRESHOLD_FLOOR: intIn(1, 100)
    .default(10)
    .describe("Algorithme : seuil pour un métier en tension maximale (entre les deux selon la tension du métier)"),
  CV_RETENTION_DAYS: intIn(1, 365)
    .default(60)
    .describe(
      "Candidatures : jours pendant lesquels le CV est conservé (chiffré) pour l'espace du recruteur, puis effacé ; un CV non remis est effacé au plus tard à ce terme",
    ),
  CV_ENCRYPTION_KEY: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(
          /^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/,
          "doit être une clé de 32 octets (64 caractères hexadécimaux ou base64)",
        )
        .optional(),
    )
    .describe("Clé AES-256-GCM des CV conservés ; en développement, générée une fois dans DATA_DIR"),
  OFFER_MAX_APPLICATIONS: intIn(1, 10_000)
    .default(80)
    .describe(
      "Candidatures : une offre qui en reçoit autant (par période de publication) est retirée, le recruteur prévenu",
    ),
  APPLICATIONS_PER_TARGET: intIn(1, 100)
    .default(3)
    .describe("Candidatures : nombre maximum par candidat (adresse e-mail) et par offre ou entreprise"),
  APPLICATIONS_PER_DAY: intIn(1, 10_000)
    .default(100)
    .describe("Candidatures : nombre maximum par candidat (adresse e-mail) sur 24 heures glissantes"),
  APPLICATIONS_PER_IP_PER_MINUTE: intIn(1, 100_000)
    .default(20)
    .describe("Candidatures : envois par minute et par adresse IP (une clé d'API partenaire a sa propre limite)"),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  env: RawConfig["NODE_ENV"];
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where the /contact form's messages go. */
  contactEmail: string;
  /** Who runs the service, for the legal pages (GET /api/v1/site-info). */
  operator: { name: string; address: string; publicationDirector: string; dpoEmail: string; hostingProvider: string };
  sessionSecret: string;
  logLevel: (typeof logLevels)[number];
  demoData: boolean;
  scheduler: boolean;
  /** Browser journeys only: every job runs every N seconds instead of its cron (undefined: their crons). */
  schedulerEverySeconds: number | undefined;
  /** Names of the jobs this process schedules; undefined: all of them. */
  schedulerJobs: string[] | undefined;
  rateLimitPerMinute: number;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy): false (none, the default: the
   * client is the connection's address), a hop count, or addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  offerTtlDays: number;
  offerReminderDays: number[];
  /** CFAs suggested to a company are within this distance of the workplace (km). */
  cfaMatchRadiusKm: number;
  /** Exposure thresholds of the prediction algorithm (see docs/algorithm.md, « Score et exposition »). */
  algoThreshold: number;
  algoThresholdFloor: number;
  /** Live Sirene API, used only when both are set (the embedded directory answers otherwise). */
  sireneApiUrl: string | undefined;
  sireneApiKey: string | undefined;
  /** Applications: limits and CV retention (see modules/applications and docs/adr/007). */
  cvRetentionDays: number;
  /** 32 bytes: the AES-256-GCM key of the CVs kept for the inbox (ADR 011). */
  cvEncryptionKey: Buffer;
  offerMaxApplications: number;
  applicationsPerTarget: number;
  applicationsPerDay: number;
  applicationsPerIpPerMinute: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment once at start; throws a ConfigError with one readable line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "?");
      const received = env[name];
      return `  - ${name} : ${issue.message}${received !== undefined ? ` (reçu « ${received} »)` : ""}`;
    });
    throw new ConfigError(
      `Configuration invalide :\n${lines.join("\n")}\nVoir la section « Configuration » du README.`,
    );
  }
  const raw = parsed.data;
  const dataDir = resolveFromRoot(raw.DATA_DIR);
  const production = raw.NODE_ENV === "production";
  if (production && !raw.CV_ENCRYPTION_KEY) {
    throw new ConfigError(
      "Configuration invalide :\n  - CV_ENCRYPTION_KEY : obligatoire en production (32 octets en hexadécimal ou base64, ex. openssl rand -hex 32).",
    );
  }
  if (production && !raw.SESSION_SECRET) {
    throw new ConfigError(
      "Configuration invalide :\n  - SESSION_SECRET : obligatoire en production (32 caractères ou plus).",
    );
  }
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    dataDir,
    databaseUrl: raw.DATABASE_URL,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    contactEmail: raw.CONTACT_EMAIL,
    operator: {
      name: raw.OPERATOR_NAME,
      address: raw.OPERATOR_ADDRESS,
      publicationDirector: raw.PUBLICATION_DIRECTOR,
      dpoEmail: raw.DPO_EMAIL ?? raw.CONTACT_EMAIL,
      hostingProvider: raw.HOSTING_PROVIDER,
    },
    sessionSecret: raw.SESSION_SECRET ?? devSessionSecret(dataDir),
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === "test" ? "warn" : "info"),
    demoData: raw.DEMO_DATA ? raw.DEMO_DATA === "true" : !production,
    scheduler: raw.SCHEDULER === "on",
    schedulerEverySeconds: raw.SCHEDULER_EVERY_SECONDS,
    schedulerJobs: raw.SCHEDULER_JOBS?.split(","),
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
    offerTtlDays: raw.OFFER_TTL_DAYS,
    offerReminderDays: [...new Set(raw.OFFER_REMINDER_DAYS.split(",").map(Number))].sort((a, b) => b - a),
    cfaMatchRadiusKm: raw.CFA_MATCH_RADIUS_KM,
    algoThreshold: raw.ALGO_THRESHOLD,
    algoThresholdFloor: Math.min(raw.ALGO_THRESHOLD_FLOOR, raw.ALGO_THRESHOLD),
    sireneApiUrl: raw.SIRENE_API_URL,
    sireneApiKey: raw.SIRENE_API_KEY,
    cvRetentionDays: raw.CV_RETENTION_DAYS,
    cvEncryptionKey: raw.CV_ENCRYPTION_KEY ? decodeKey(raw.CV_ENCRYPTION_KEY) : devCvKey(dataDir),
    offerMaxApplications: raw.OFFER_MAX_APPLICATIONS,
    applicationsPerTarget: raw.APPLICATIONS_PER_TARGET,
    applicationsPerDay: raw.APPLICATIONS_PER_DAY,
    applicationsPerIpPerMinute: raw.APPLICATIONS_PER_IP_PER_MINUTE,
  };
}

/** Development only: a secret generated once and kept in DATA_DIR, so links survive restarts. */
function devSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function isAddressOrCidr(item: string): boolean {
  const [address, prefix, ...rest] = item.split("/");
  if (!address || rest.length > 0) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function parseTrustProxy(value: string | undefined): false | number | string[] {
  if (value === undefined) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(",").map((item) => item.trim());
}

/** 64 hex characters, or base64 / base64url of 32 bytes. */
function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
}

/** Development only: the CV key, generated once beside the session secret (losing it loses the kept CVs). */
function devCvKey(dataDir: string): Buffer {
  const file = path.join(dataDir, "cv-encryption-key");
  if (existsSync(file)) return decodeKey(readFileSync(file, "utf8").trim());
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("hex"), { mode: 0o600 });
  return key;
}
