import { WebVTTParser } from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import { shotFile, toWebVtt } from './outputs';

describe('walkthrough outputs', () => {
  it('numbers shots so that they sort', () => {
    expect(shotFile(1, 'at-rest', 5)).toBe('01-at-rest.png');
    expect(shotFile(12, 'x', 12)).toBe('12-x.png');
    expect(shotFile(7, 'x', 120)).toBe('007-x.png');
  });

  it('writes captions that a WebVTT parser reads back, times and text intact', () => {
    const text = toWebVtt([
      { startMs: 1234, endMs: 5000, text: 'Node 4 crashes' },
      { startMs: 5000, endMs: 3_725_001, text: 'metric <99> & then --> 100' },
      { startMs: 9000, endMs: 9000, text: 'a moment' },
    ]);
    const parsed = new WebVTTParser().parse(text, 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => [c.startTime, c.endTime, c.text])).toEqual([
      [1.234, 5, 'Node 4 crashes'],
      [5, 3725.001, 'metric &lt;99&gt; &amp; then --&gt; 100'],
      [9, 9.001, 'a moment'],
    ]);
  });
});
