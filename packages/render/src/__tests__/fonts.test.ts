import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontFaceFiles, fontFamilyNames, fontFiles } from '../fonts.js';

/** The family name (name id 1, Windows platform) stored in a TTF. */
function familyName(file: string): string {
  const font = readFileSync(file);
  const tableCount = font.readUInt16BE(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) !== 'name') continue;
    const table = font.readUInt32BE(record + 8);
    const count = font.readUInt16BE(table + 2);
    const strings = table + font.readUInt16BE(table + 4);
    for (let j = 0; j < count; j++) {
      const entry = table + 6 + j * 12;
      if (font.readUInt16BE(entry) !== 3 || font.readUInt16BE(entry + 6) !== 1) continue;
      const start = strings + font.readUInt16BE(entry + 10);
      return font.subarray(start, start + font.readUInt16BE(entry + 8)).swap16().toString('utf16le');
    }
  }
  throw new Error(`${file} has no family name`);
}

describe('bundled fonts', () => {
  it('lists regular and bold of sans, serif and mono, all present in the npm package', () => {
    expect(fontFiles.map((file) => basename(file))).toEqual([
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
      'DejaVuSerif.ttf',
      'DejaVuSerif-Bold.ttf',
      'DejaVuSansMono.ttf',
      'DejaVuSansMono-Bold.ttf',
    ]);
    for (const file of fontFiles) {
      expect(existsSync(file), file).toBe(true);
      expect(file).toMatch(/node_modules[/\\]dejavu-fonts-ttf[/\\]ttf[/\\]/);
    }
  });

  it('gives the family names the TTF files really carry', () => {
    for (const family of ['sans', 'serif', 'mono'] as const) {
      expect(familyName(fontFaceFiles[family].normal)).toBe(fontFamilyNames[family]);
      expect(familyName(fontFaceFiles[family].bold)).toBe(fontFamilyNames[family]);
    }
  });

  it('has generated metrics that match the installed fonts', () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'generate-metrics.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
