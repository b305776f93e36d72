import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { downloadable } from './browser-download.ts';

describe('downloadable', () => {
  it('downloads one file as itself', () => {
    const out = downloadable('report', [{ name: 'report.html', data: '<p>ü</p>' }]);
    expect(out.name).toBe('report.html');
    expect(new TextDecoder().decode(out.bytes)).toBe('<p>ü</p>');
  });

  it('zips several files under their folder, bytes and text intact', () => {
    const out = downloadable('prepaid-fixture', [
      { name: 'manifest.json', data: '{"rows":2}' },
      { name: 'rows.parquet', data: new Uint8Array([80, 65, 82, 49]) },
    ]);
    expect(out.name).toBe('prepaid-fixture.zip');
    const files = unzipSync(out.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'prepaid-fixture/manifest.json',
      'prepaid-fixture/rows.parquet',
    ]);
    expect(strFromU8(files['prepaid-fixture/manifest.json'] ?? new Uint8Array())).toBe(
      '{"rows":2}',
    );
    expect([...(files['prepaid-fixture/rows.parquet'] ?? [])]).toEqual([80, 65, 82, 49]);
  });

  it('zips a single file that sits in a subfolder (a report asset)', () => {
    const out = downloadable('report', [{ name: 'report-files/timeline.svg', data: '<svg/>' }]);
    expect(out.name).toBe('report.zip');
  });
});
