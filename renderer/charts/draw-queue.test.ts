import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queueDraw } from './draw-queue.ts';

describe('queueDraw', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws in order, one per task, never in the caller’s task', () => {
    const drawn: string[] = [];
    queueDraw(() => drawn.push('a'));
    queueDraw(() => drawn.push('b'));
    queueDraw(() => drawn.push('c'));
    expect(drawn).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a', 'b']);
    vi.runAllTimers();
    expect(drawn).toEqual(['a', 'b', 'c']);
  });

  it('skips a dropped draw without spending a task on it', () => {
    const drawn: string[] = [];
    queueDraw(() => drawn.push('a'));
    const drop = queueDraw(() => drawn.push('old b'));
    queueDraw(() => drawn.push('c'));
    drop();
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for a frame, so the page paints before a chart is drawn', () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    try {
      const drawn: string[] = [];
      queueDraw(() => drawn.push('a'));
      vi.runAllTimers();
      expect(drawn).toEqual([]);
      frames.shift()?.();
      expect(drawn).toEqual([]);
      vi.runAllTimers();
      expect(drawn).toEqual(['a']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws what is queued while drawing, after it', () => {
    const drawn: string[] = [];
    queueDraw(() => {
      drawn.push('a');
      queueDraw(() => drawn.push('b'));
    });
    vi.runAllTimers();
    expect(drawn).toEqual(['a', 'b']);
  });
});
