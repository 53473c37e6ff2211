import { type ApiScope, apiScopes, offerEvents } from "@tremplin/core";
import { createApiKey, findApiKeyByName, listApiKeys, revokeApiKey } from "../modules/diffusion/api-keys.js";
import { createWebhook } from "../modules/diffusion/webhooks-service.js";
import { type CliCommand, UsageError } from "./command.js";

export const apiKeysCreate: CliCommand = {
  name: "api-keys:create",
  summary: "Crée une clé d'API partenaire (affichée une seule fois)",
  usage: `api-keys:create --name <partenaire> --scopes ${apiScopes.join(",")} [--rate <requêtes/min>]`,
  options: { name: { type: "string" }, scopes: { type: "string" }, rate: { type: "string" } },
  async run({ values }, { database, print }) {
    const name = String(values.name ?? "").trim();
    if (!name) throw new UsageError("--name est obligatoire (nom du partenaire)");
    const scopes = String(values.scopes ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = scopes.filter((s) => !(apiScopes as readonly string[]).includes(s));
    if (scopes.length === 0 || unknown.length > 0)
      throw new UsageError(`--scopes : ${apiScopes.join(", ")} (séparées par des virgules)`);
    const rate = values.rate === undefined ? undefined : Number(values.rate);
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 1))
      throw new UsageError("--rate doit être un nombre entier de requêtes par minute");
    const { db } = await database();
    if (await findApiKeyByName(db, name)) throw new UsageError(`Une clé existe déjà pour « ${name} ».`);
    const key = await createApiKey(db, {
      name,
      scopes: scopes as ApiScope[],
      ...(rate ? { ratePerMinute: rate } : {}),
    });
    print(`Clé créée pour ${key.name} (portées : ${key.scopes.join(", ")} ; ${key.rate_per_minute} requêtes/min).`);
    print("Transmettez-la au partenaire par un canal sûr ; elle ne sera plus jamais affichée :");
    print(key.key);
  },
};

export const apiKeysRevoke: CliCommand = {
  name: "api-keys:revoke",
  summary: "Révoque la clé d'API d'un partenaire (effet immédiat)",
  usage: "api-keys:revoke --name <partenaire>",
  options: { name: { type: "string" } },
  async run({ values }, { database, print }) {
    const { db } = await database();
    const name = String(values.name ?? "");
    if (!(await revokeApiKey(db, name, new Date()))) throw new UsageError(`Aucune clé active pour « ${name} ».`);
    print(`Clé de ${name} révoquée.`);
  },
};

export const apiKeysList: CliCommand = {
  name: "api-keys:list",
  summary: "Liste les clés d'API (sans les secrets)",
  usage: "api-keys:list",
  async run(_args, { database, print }) {
    const { db } = await database();
    for (const k of await listApiKeys(db)) {
      print(
        `${k.name.padEnd(24)} tpl_${k.key_prefix}_…  ${k.scopes.join(",").padEnd(40)} ${String(k.rate_per_minute).padStart(5)}/min  ${k.revoked_at ? "révoquée" : k.last_used_at ? `utilisée le ${new Date(k.last_used_at).toISOString()}` : "jamais utilisée"}`,
      );
    }
  },
};

export const webhooksCreate: CliCommand = {
  name: "webhooks:create",
  summary: "Abonne un partenaire aux événements des offres (POST JSON signé)",
  usage: `webhooks:create --api-key-name <partenaire> --url <https://…> [--events ${offerEvents.join(",")}]`,
  options: { "api-key-name": { type: "string" }, url: { type: "string" }, events: { type: "string" } },
  async run({ values }, { database, config, print }) {
    const { db } = await database();
    const key = await findApiKeyByName(db, String(values["api-key-name"] ?? ""));
    if (!key || key.revoked_at)
      throw new UsageError(`Aucune clé active pour « ${String(values["api-key-name"] ?? "")} ».`);
    const events = (values.events ? String(values.events).split(",") : [...offerEvents]).map((e) => e.trim());
    const unknown = events.filter((e) => !(offerEvents as readonly string[]).includes(e));
    if (unknown.length > 0) throw new UsageError(`Événements possibles : ${offerEvents.join(", ")}`);
    const hook = await createWebhook(
      db,
      config,
      key.id,
      String(values.url ?? ""),
      events as (typeof offerEvents)[number][],
    );
    print(`Webhook ${hook.id} créé pour ${key.name} → ${hook.url} (${hook.events.join(", ")}).`);
    print(`Secret de signature (à transmettre au partenaire, affiché une seule fois) : ${hook.secret}`);
  },
};
