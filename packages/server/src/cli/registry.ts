import { importIdccCommand } from "../imports/idcc/cli.js";
import { importSireneCommand } from "../imports/sirene/cli.js";
import type { CliCommand } from "./command.js";
import { apiKeysCreate, apiKeysList, apiKeysRevoke, webhooksCreate } from "./commands-diffusion.js";
import { dbMigrate, dbSetup, loadReference } from "./commands-db.js";
import { jobsList, jobsRun } from "./commands-jobs.js";
import { usersCreate } from "./commands-users.js";

/** Every CLI command; feature modules add theirs here. */
export const commands: CliCommand[] = [
  dbMigrate,
  dbSetup,
  loadReference,
  importSireneCommand,
  importIdccCommand,
  usersCreate,
  jobsRun,
  jobsList,
  apiKeysCreate,
  apiKeysRevoke,
  apiKeysList,
  webhooksCreate,
];
