// The problem-log header of a `leetcode` note, from its front matter.
import { describe, expect, it } from 'vitest';
import { formatSolvedDate, problemMeta } from '../../../src/components/problem-meta.ts';

describe('problemMeta', () => {
  it('reads the problem-log keys of the dialect', () => {
    const meta = problemMeta({
      leetcode_id: 1,
      difficulty: 'Easy',
      leetcode_url: 'https://leetcode.com/problems/two-sum/',
      primary_pattern: 'Hash Map',
      topics: ['Array', 'Hash Table'],
      date_solved: '2024-03-05',
      time_taken: '02:19',
      language: 'Python',
    });
    expect(meta).toEqual({
      number: '0001',
      difficulty: { label: 'Easy', level: 'easy' },
      facts: [
        { label: 'Pattern', value: 'Hash Map' },
        { label: 'Time taken', value: '02:19' },
        { label: 'Solved', value: '5 Mar 2024', datetime: '2024-03-05' },
        { label: 'Language', value: 'Python' },
      ],
      topics: ['Array', 'Hash Table'],
      url: 'https://leetcode.com/problems/two-sum/',
    });
  });

  it('leaves out what is missing and refuses non-web links', () => {
    expect(problemMeta({ difficulty: 'Brutal', leetcode_url: 'javascript:alert(1)', topics: 'Graph, BFS' })).toEqual({
      number: undefined,
      difficulty: { label: 'Brutal', level: 'other' },
      facts: [],
      topics: ['Graph', 'BFS'],
      url: undefined,
    });
  });

  it('formats calendar dates without a time-zone shift', () => {
    expect(formatSolvedDate('2024-12-31')).toEqual({ value: '31 Dec 2024', datetime: '2024-12-31' });
    expect(formatSolvedDate('last spring')).toEqual({ value: 'last spring' });
  });
});
