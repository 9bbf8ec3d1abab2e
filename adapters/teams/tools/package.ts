/** `npm run teams:package [-- --out path.zip]`: writes the Teams app package, taking the bot id from MicrosoftAppId. */
import { config as loadDotenv } from 'dotenv';
import { buildAppPackage, DEFAULT_PACKAGE_PATH, PackageError } from '../packaging.js';

loadDotenv({ quiet: true });

function outFile(argv: string[]): string {
  const index = argv.indexOf('--out');
  return index >= 0 && argv[index + 1] ? (argv[index + 1] as string) : DEFAULT_PACKAGE_PATH;
}

try {
  const written = await buildAppPackage({ appId: process.env.MicrosoftAppId, outFile: outFile(process.argv.slice(2)) });
  process.stdout.write(`Teams app package written to ${written}\nUpload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.\n`);
} catch (error) {
  process.stderr.write(`teams:package: ${error instanceof PackageError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
