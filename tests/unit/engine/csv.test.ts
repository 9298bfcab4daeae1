import { describe, expect, it } from 'vitest';
import { blockingConditions, parseCsv, sessionBlocked, writeCsv } from '../../../src/engine/index';

describe('the one CSV writer', () => {
  it('writes id cells, the day and each column on every row of each block, a preface row as it is, and a trailing newline', () => {
    const text = writeCsv({
      header: ['course', 'day', 'a', 'b'],
      preface: [['evidence', '', 'data', 'hypothesis']],
      blocks: [
        { id: ['1'], days: [0, 1.5], columns: [[0.1, 0.25], null] },
        { id: ['"x, y"'], days: [2], columns: [new Float64Array([1 / 3]), [-0]] },
      ],
    });
    expect(text).toBe('course,day,a,b\nevidence,,data,hypothesis\n1,0,0.1,\n1,1.5,0.25,\n"x, y",2,0.3333333333333333,0\n');
    expect(parseCsv(text).rows[3]).toEqual(['x, y', '2', '0.3333333333333333', '0']);
  });

  it('formats numbers per column when asked, and leaves a missing value empty', () => {
    const text = writeCsv({ header: ['day', 'pct', 'index'], blocks: [{ days: [0.5, 1], columns: [[12.34567, 1], [0.123456]] }], format: (v, k) => v.toFixed(k < 2 ? 1 : 3) });
    expect(text).toBe('day,pct,index\n0.5,12.3,0.123\n1.0,1.0,\n');
  });
});

describe('the session-blocked rule', () => {
  it('blocks on a blocking contraindication unless overridden, and names them in order', () => {
    expect(blockingConditions(['acne-scars', 'rosacea', 'pregnancy', 'herpes'])).toEqual(['rosacea', 'herpes']);
    expect(sessionBlocked(['acne-scars', 'pregnancy'], false)).toBe(false);
    expect(sessionBlocked(['rash'], false)).toBe(true);
    expect(sessionBlocked(['rash'], true)).toBe(false);
  });
});
