/** Regenerates appPackage/color.png and appPackage/outline.png: `npx tsx adapters/teams/tools/icons.ts`. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { colorIcon, encodePng, outlineIcon } from '../icons.js';
import { APP_PACKAGE_DIR } from '../packaging.js';

await writeFile(join(APP_PACKAGE_DIR, 'color.png'), encodePng(colorIcon()));
await writeFile(join(APP_PACKAGE_DIR, 'outline.png'), encodePng(outlineIcon()));
process.stdout.write(`icons written to ${APP_PACKAGE_DIR}\n`);
