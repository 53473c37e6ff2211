import { importCatalogueCommand } from "../imports/catalogue/cli.js";
import { importIdccCommand } from "../imports/idcc/cli.js";
import { importSireneCommand } from "../imports/sirene/cli.js";
import type { CliCommand } from "./command.js";
import {
  algoEvaluate,
  algoImportContracts,
  algoImportFinances,
  algoImportHires,
  algoImports,
  algoPublish,
  algoRollback,
  algoScore,
} from "./commands-algo.js";
import { algoGenerate } from "./commands-algo-generate.js";
import { dbMigrate, dbSetup, loadReference } from "./commands-db.js";
import { apiKeysCreate, apiKeysList, apiKeysRevoke, webhooksCreate } from "./commands-diffusion.js";
import { jobsList, jobsRun } from "./commands-jobs.js";
import { mailResend, mailUnknown } from "./commands-mail.js";
import { importOpcoContactsCommand } from "./commands-memberships.js";
import { usersCreate } from "./commands-users.js";

/** Every CLI command; feature modules add theirs here. */
export const commands: CliCommand[] = [
  dbMigrate,
  dbSetup,
  loadReference,
  importSireneCommand,
  importIdccCommand,
  importCatalogueCommand,
  importOpcoContactsCommand,
  usersCreate,
  jobsRun,
  jobsList,
  apiKeysCreate,
  apiKeysRevoke,
  apiKeysList,
  webhooksCreate,
  mailUnknown,
  mailResend,
  algoImportContracts,
  algoImportHires,
  algoImportFinances,
  algoImports,
  algoGenerate,
  algoEvaluate,
  algoScore,
  algoPublish,
  algoRollback,
];
