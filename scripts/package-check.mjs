#!/usr/bin/env node
// Packs every published package (packages/* that is not private) with `npm pack` and checks each
// tarball as the registry would serve it:
// - publint (strict: warnings are errors, and suggestions fail too);
// - Are the Types Wrong? (@arethetypeswrong/core, the engine of the attw CLI) with the CLI's
//   `esm-only` profile: the packages are ESM-only, so the CommonJS-era resolutions (node10,
//   node16 from CJS) are not required; node16 from ESM and bundler must resolve with types;
// - README.md with an install line, a ```ts example, the ESM-only note and no link that breaks on
//   the npm page (relative links; absolute links into this repository must name a file that
//   exists);
// - LICENSE, byte for byte the root LICENSE;
// - package.json: repository (with directory), homepage, bugs, keywords, license, "type":
//   "module", and engines.node equal to the root's.
// Build first (npm run build). The same attw check by hand: npx attw --pack packages/<dir> --profile esm-only
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(import.meta.dirname, '..');
const repo = 'https://github.com/absynth/absynth';
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
const rootEngines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
// The attw CLI's `esm-only` profile (profiles.js of @arethetypeswrong/cli).
const ignoredResolutions = ['node10', 'node16-cjs'];

const started = performance.now();
const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
  .map((entry) => ({ dir: entry.name, manifest: JSON.parse(readFileSync(join(root, 'packages', entry.name, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => manifest.private !== true)
  .sort((a, b) => a.dir.localeCompare(b.dir));
if (packages.length === 0) fail(['no published package found under packages/']);
if (typeof rootEngines !== 'string') fail(['the root package.json has no engines.node to compare the packages with']);
const unbuilt = packages.filter(({ dir }) => !existsSync(join(root, 'packages', dir, 'dist')));
if (unbuilt.length > 0) fail([`not built: ${unbuilt.map(({ dir }) => `packages/${dir}`).join(', ')}; run npm run build first`]);

const work = mkdtempSync(join(tmpdir(), 'absynth-package-check-'));
const problems = [];
try {
  // One npm process packs them all, as `npm publish` would pack each.
  let packed;
  try {
    const args = ['pack', '--json', '--pack-destination', work, ...packages.flatMap(({ dir }) => ['-w', `packages/${dir}`])];
    packed = JSON.parse(execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    fail([`npm pack failed: ${(error.stderr || error.message).trim()}`]);
  }
  for (const { dir, manifest } of packages) {
    const entry = packed.find((p) => p.name === manifest.name);
    if (entry === undefined) {
      problems.push(`${manifest.name}: npm pack made no tarball`);
      continue;
    }
    const found = await checkTarball(dir, manifest.name, readFileSync(join(work, entry.filename)));
    problems.push(...found.map((problem) => `${manifest.name}: ${problem}`));
    if (found.length === 0) console.log(`package check: ${manifest.name} (${entry.files.length} files): publint, attw (esm-only), README, LICENSE and metadata ok`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) fail(problems);
console.log(`package check: ${packages.length} packages packed and checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** Every problem of one tarball, as sentences. */
async function checkTarball(dir, name, tarball) {
  const found = [];
  const pkg = createPackageFromTarballData(new Uint8Array(tarball));
  const file = (path) => pkg.tryReadFile(`/node_modules/${name}/${path}`);

  const { messages, pkg: manifest } = await publint({ pack: { tarball: new Uint8Array(tarball).buffer }, strict: true, level: 'suggestion' });
  for (const message of messages) {
    found.push(`publint ${message.type}: ${formatMessage(message, manifest, { color: false }) ?? message.code} (${message.code})`);
  }

  const analysis = await checkPackage(pkg);
  if (analysis.types === false) found.push('attw: the package has no type declarations');
  else {
    for (const problem of analysis.problems) {
      if ('resolutionKind' in problem && ignoredResolutions.includes(problem.resolutionKind)) continue;
      const info = problemKindInfo[problem.kind];
      const where = 'entrypoint' in problem ? `"${problem.entrypoint}" under ${problem.resolutionKind}` : (problem.typesFileName ?? problem.fileName ?? '');
      found.push(`attw ${problem.kind}: ${info?.description ?? problem.kind} (${where}) ${info?.docsUrl ?? ''}`.trim());
    }
  }

  const readme = file('README.md');
  if (readme === undefined) found.push('the tarball has no README.md');
  else found.push(...readmeProblems(readme, name));

  const license = file('LICENSE');
  if (license === undefined) found.push(`the tarball has no LICENSE (copy the root LICENSE to packages/${dir}/LICENSE)`);
  else if (license !== rootLicense) found.push(`LICENSE differs from the root LICENSE (copy it again to packages/${dir}/LICENSE)`);

  const packedManifest = JSON.parse(file('package.json') ?? '{}');
  found.push(...manifestProblems(packedManifest, dir));
  return found;
}

/** What a README must hold, and links that would break on the registry's page. */
function readmeProblems(readme, name) {
  const found = [];
  const installs = readme.split('\n').filter((line) => /\bnpm (?:install|i|add)\b/.test(line));
  if (!installs.some((line) => line.replaceAll('`', ' ').split(/\s+/).includes(name))) found.push(`README.md has no install line (npm install ${name})`);
  if (!/^```ts\s*$/m.test(readme)) found.push('README.md has no ```ts example');
  if (!/\bESM-only\b/.test(readme)) found.push('README.md does not say that the package is ESM-only');
  // Links in code are code, not links.
  const prose = readme.replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...prose.matchAll(/<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]),
  ];
  for (const target of targets) {
    if (target.startsWith('#') || target.startsWith('mailto:')) continue;
    if (!/^https?:\/\//.test(target)) {
      found.push(`README.md links to ${target}, which does not resolve on the npm page; use ${repo}/blob/main/<path>`);
      continue;
    }
    const inRepo = target.match(/^https:\/\/github\.com\/absynth\/absynth\/(?:blob|tree)\/main\/([^#?]*)/) ?? target.match(/^https:\/\/raw\.githubusercontent\.com\/absynth\/absynth\/main\/([^#?]*)/);
    if (inRepo !== null && !existsSync(join(root, decodeURIComponent(inRepo[1] ?? '')))) found.push(`README.md links to ${target}, but ${inRepo[1]} is not in the repository`);
  }
  return found;
}

/** The registry metadata every package carries. */
function manifestProblems(manifest, dir) {
  const found = [];
  const expected = {
    repository: { type: 'git', url: `git+${repo}.git`, directory: `packages/${dir}` },
    homepage: `${repo}/tree/main/packages/${dir}#readme`,
    license: 'Apache-2.0',
    type: 'module',
  };
  for (const [field, value] of Object.entries(expected)) {
    if (!isDeepStrictEqual(manifest[field], value)) found.push(`package.json ${field} is ${JSON.stringify(manifest[field])}, expected ${JSON.stringify(value)}`);
  }
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
  if (bugs !== `${repo}/issues`) found.push(`package.json bugs is ${JSON.stringify(manifest.bugs)}, expected "${repo}/issues"`);
  const { keywords } = manifest;
  if (!Array.isArray(keywords) || keywords.length < 3 || !keywords.every((k) => typeof k === 'string' && k.trim() !== '') || !keywords.includes('absynth')) {
    found.push(`package.json keywords is ${JSON.stringify(keywords)}: give at least three, "absynth" among them`);
  }
  if (manifest.engines?.node !== rootEngines) found.push(`package.json engines.node is ${JSON.stringify(manifest.engines?.node)}, expected "${rootEngines}" as in the root package.json`);
  return found;
}

function fail(lines) {
  console.error(`package check failed:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
