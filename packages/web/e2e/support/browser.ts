import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere when needed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Quiet, reproducible Chromium: no sandbox (containers, root), no GPU, nothing fetched in the
 * background (updates, sync, field trials) that could slow a run or show up in its network log.
 * Playwright adds --headless and gives every launch a fresh temporary --user-data-dir itself
 * (it refuses one passed in `args`).
 */
const launchArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with « apt-get install -y chromium » (as root) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs });
}

/** Sizes the journeys check: a common phone (candidates) and a laptop (recruiters, CFAs). */
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

export type ViewportName = keyof typeof viewports;
