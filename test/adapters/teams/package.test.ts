/**
 * The Teams app package: zip layout, manifest validated against Microsoft's JSON schema for manifest v1.22
 * (vendored in test/fixtures/teams from the npm package @microsoft/app-manifest, because CI has no
 * internet), and real PNG icons of the required sizes.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, buildAppPackage, PackageError } from '../../../adapters/teams/packaging.js';
import { decodePng } from './helpers/png.js';

const APP_ID = '0b5c7e52-8f1d-4c0a-9a57-6d2f3e4a1b90';
const SCHEMA_PATH = new URL('../../fixtures/teams/MicrosoftTeams.v1.22.schema.json', import.meta.url);

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'teams-package-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function manifestValidator() {
  // Both packages are CommonJS with a `default` export; under NodeNext the class and plugin sit on `.default`.
  // strict off: Microsoft's schema omits `type` beside some keywords, which ajv's strict mode only warns about.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

function readZip(path: string) {
  const zip = new AdmZip(path);
  const entries = zip.getEntries();
  const file = (name: string) => {
    const entry = entries.find((each) => each.entryName === name);
    if (!entry) throw new Error(`${name} missing from the zip`);
    return entry.getData();
  };
  return { names: entries.map((entry) => entry.entryName).sort(), file };
}

describe('app package', () => {
  it('zips manifest.json, color.png and outline.png at the root, with the bot id from MicrosoftAppId', async () => {
    const path = await buildAppPackage({ appId: APP_ID, outFile: join(workDir, 'nested', 'teams-app.zip') });
    const zip = readZip(path);
    expect(zip.names).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.file('manifest.json').toString('utf8')) as {
      id: string;
      manifestVersion: string;
      bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((command) => command.title)).toEqual(expect.arrayContaining(['help', 'summary', 'start over']));
    expect(zip.file('color.png').equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
  });

  it('has a manifest that validates against the Teams manifest JSON schema v1.22', async () => {
    const zip = readZip(await buildAppPackage({ appId: APP_ID, outFile: join(workDir, 'schema.zip') }));
    const manifest = JSON.parse(zip.file('manifest.json').toString('utf8')) as Record<string, unknown>;
    const validate = manifestValidator();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest.manifestVersion).toBe('1.22');
    expect(validate({ ...manifest, bots: [{ botId: 'not-a-guid', scopes: ['personal'] }] })).toBe(false);
  });

  it('refuses to build without a MicrosoftAppId, or with one that is not a GUID', async () => {
    await expect(buildAppPackage({ appId: undefined, outFile: join(workDir, 'none.zip') })).rejects.toThrow(/MicrosoftAppId is not set/);
    await expect(buildAppPackage({ appId: '  ', outFile: join(workDir, 'blank.zip') })).rejects.toBeInstanceOf(PackageError);
    await expect(buildAppPackage({ appId: 'my-bot', outFile: join(workDir, 'bad.zip') })).rejects.toThrow(/must be a GUID/);
    expect(existsSync(join(workDir, 'none.zip'))).toBe(false);
  });

  it('`npm run teams:package` fails with a clear message when MicrosoftAppId is unset, and writes the zip when set', async () => {
    const run = promisify(execFile);
    const script = ['tsx', 'adapters/teams/tools/package.ts', '--out'];
    const failing = run('npx', [...script, join(workDir, 'cli-none.zip')], { env: { ...process.env, MicrosoftAppId: '' } });
    await expect(failing).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('MicrosoftAppId is not set') });
    const out = join(workDir, 'cli.zip');
    const { stdout } = await run('npx', [...script, out], { env: { ...process.env, MicrosoftAppId: APP_ID } });
    expect(stdout).toContain(out);
    expect(readZip(out).names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });
});

describe('icons', () => {
  it('color.png is a 192×192 opaque PNG in the accent colour with a white glyph', () => {
    const image = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    expect([image.width, image.height]).toEqual([192, 192]);
    const pixels = Array.from({ length: image.width * image.height }, (_, index) => image.rgba.subarray(index * 4, index * 4 + 4));
    expect(pixels.every((pixel) => pixel[3] === 255)).toBe(true);
    expect(Array.from(pixels[0] ?? [])).toEqual([0x4f, 0x46, 0xe5, 255]);
    expect(pixels.some((pixel) => pixel[0] === 255 && pixel[1] === 255 && pixel[2] === 255)).toBe(true);
  });

  it('outline.png is a 32×32 PNG, white on transparent', () => {
    const image = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    expect([image.width, image.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, index) => image.rgba.subarray(index * 4, index * 4 + 4));
    expect(pixels.every((pixel) => pixel[0] === 255 && pixel[1] === 255 && pixel[2] === 255)).toBe(true);
    const alphas = pixels.map((pixel) => pixel[3] ?? 0);
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(32 * 32 * 0.5);
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(50);
  });
});
