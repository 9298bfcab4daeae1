import { describe, expect, it } from 'vitest';
import { readQueryParameters } from '../../../src/ui/queryParameters';

describe('URL query parameters', () => {
  it('uses the defaults without parameters and reads a valid one', () => {
    expect(readQueryParameters('').params.deadlineMs).toBe(15_000);
    expect(readQueryParameters('?deadlineMs=3000')).toEqual({ params: { deadlineMs: 3000 }, problems: [] });
  });

  it('reports a bad value with its range and keeps the default', () => {
    const r = readQueryParameters('?deadlineMs=10');
    expect(r.params.deadlineMs).toBe(15_000);
    expect(r.problems[0]).toMatch(/URL parameter deadlineMs: 10 is below the minimum; allowed whole numbers 500–600000 ms/);
  });
});
