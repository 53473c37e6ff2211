// Moved to lib/ (services throw it, not only HTTP code); this path stays for code written before.
export { AppError, notFound } from "../lib/app-error.js";
