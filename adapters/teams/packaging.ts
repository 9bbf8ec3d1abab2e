/** Builds the Teams app package: manifest.json (with the bot's app id filled in) and the two icons in one zip. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';

export const APP_PACKAGE_DIR = fileURLToPath(new URL('./appPackage/', import.meta.url));
export const DEFAULT_PACKAGE_PATH = 'dist/teams-app.zip';
/** Written in appPackage/manifest.json wherever the Azure Bot's app id belongs. */
export const APP_ID_PLACEHOLDER = '{{MicrosoftAppId}}';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export class PackageError extends Error {
  override readonly name = 'PackageError';
}

export function checkAppId(appId: string | undefined): string {
  const trimmed = appId?.trim() ?? '';
  if (!trimmed) {
    throw new PackageError('MicrosoftAppId is not set. Set it (in .env or the environment) to the Microsoft App ID of your Azure Bot, then run `npm run teams:package` again.');
  }
  if (!GUID.test(trimmed)) throw new PackageError(`MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${trimmed}").`);
  return trimmed;
}

/** The manifest with the app id filled in; the bot id and the app id are the same, as for any bot-only app. */
export async function renderManifest(appId: string, sourceDir = APP_PACKAGE_DIR): Promise<Record<string, unknown>> {
  const template = await readFile(join(sourceDir, 'manifest.json'), 'utf8');
  const filled = template.split(APP_ID_PLACEHOLDER).join(checkAppId(appId));
  if (filled.includes('{{')) throw new PackageError('appPackage/manifest.json has a placeholder other than {{MicrosoftAppId}}.');
  return JSON.parse(filled) as Record<string, unknown>;
}

export interface BuildOptions {
  appId: string | undefined;
  outFile?: string;
  sourceDir?: string;
}

/** Writes the zip Teams side-loads: the three files at its root. Returns where it was written. */
export async function buildAppPackage(options: BuildOptions): Promise<string> {
  const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
  const outFile = options.outFile ?? DEFAULT_PACKAGE_PATH;
  const manifest = await renderManifest(checkAppId(options.appId), sourceDir);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const icon of ['color.png', 'outline.png'] as const) zip.addFile(icon, await readFile(join(sourceDir, icon)));
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, zip.toBuffer());
  return outFile;
}
