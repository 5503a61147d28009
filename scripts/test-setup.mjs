#!/usr/bin/env node
// The set-up `npm test` does before the tests: the eval report's page is tested in a real
// browser, Debian's chromium. When it is missing, this installs it with apt-get (as root, or
// through sudo without a password); when it cannot, it prints one line naming what to install
// and exits 1, so the suite never starts only to fail deep inside a browser test.
//
// ABSYNTH_CHROMIUM names another chromium binary (default /usr/bin/chromium); the browser test
// reads the same variable.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.ABSYNTH_CHROMIUM || '/usr/bin/chromium';
const say = (line) => process.stderr.write(`absynth tests: ${line}\n`);

if (!existsSync(chromium)) {
  const reason = installChromium();
  if (reason !== null) {
    say(
      `${chromium} is missing and could not be installed (${reason}): the eval report's browser test needs Debian's chromium; ` +
        'install it with `sudo apt-get install -y chromium` (or set ABSYNTH_CHROMIUM to a chromium binary) and run `npm test` again',
    );
    process.exit(1);
  }
  say(`installed chromium with apt-get (${chromium})`);
}

/** Installs Debian's chromium; returns null on success, else why it could not. */
function installChromium() {
  if (process.env.ABSYNTH_CHROMIUM) return `ABSYNTH_CHROMIUM names ${chromium}, which does not exist`;
  if (!onPath('apt-get')) return 'this machine has no apt-get';
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : ['sudo', '-n'];
  if (!root && (!onPath('sudo') || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0)) {
    return 'not root, and sudo needs a password or is missing';
  }
  say('chromium is missing: installing it with apt-get (about a minute)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', 'chromium'],
  ]) {
    const [command, ...rest] = [...prefix, ...args];
    // Bounded: a stuck mirror must not hang the tests.
    const run = spawnSync(command, rest, { env, encoding: 'utf8', timeout: 15 * 60_000 });
    if (run.status !== 0) {
      const tail = `${run.stderr ?? ''}${run.error?.message ?? ''}`.trim().split('\n').slice(-1)[0] || `exit ${run.status}`;
      return `\`${args.join(' ')}\` failed: ${tail}`;
    }
  }
  return existsSync(chromium) ? null : `apt-get installed chromium, but ${chromium} is still missing`;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
