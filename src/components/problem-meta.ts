// What the problem-log header shows, read from a `leetcode` note's front matter (docs/notes-dialect.md
// "Front matter"). Missing keys are simply left out; nothing is invented.

export interface ProblemFact {
  label: string;
  value: string;
  /** Machine-readable date (`<time datetime>`), for dates. */
  datetime?: string;
}

export interface ProblemMeta {
  /** `0001`, as the problem-log index pads it. */
  number?: string;
  difficulty?: { label: string; level: 'easy' | 'medium' | 'hard' | 'other' };
  facts: ProblemFact[];
  topics: string[];
  /** Link to the problem on its judge. */
  url?: string;
}

const text = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const result = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return result === '' ? undefined : result;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-05` → `5 Mar 2024` (calendar date as written, no time zone shift); other text as is. */
export function formatSolvedDate(value: string): { value: string; datetime?: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return { value };
  const month = MONTHS[Number(match[2]) - 1];
  return month ? { value: `${Number(match[3])} ${month} ${match[1]}`, datetime: match[0] } : { value };
}

export function problemMeta(data: Record<string, unknown>): ProblemMeta {
  const facts: ProblemFact[] = [];
  const add = (label: string, value: unknown): void => {
    const shown = text(value);
    if (shown) facts.push({ label, value: shown });
  };
  add('Pattern', data.primary_pattern);
  add('Time taken', data.time_taken);
  const solved = text(data.date_solved);
  if (solved) facts.push({ label: 'Solved', ...formatSolvedDate(solved) });
  add('Language', data.language);
  const id = text(data.leetcode_id);
  const difficulty = text(data.difficulty);
  const level = difficulty?.toLowerCase();
  const topics = (Array.isArray(data.topics) ? data.topics : typeof data.topics === 'string' ? data.topics.split(',') : [])
    .map((t) => text(t))
    .filter((t): t is string => t !== undefined);
  const url = text(data.leetcode_url);
  return {
    number: id && /^\d+$/.test(id) ? id.padStart(4, '0') : id,
    difficulty: difficulty ? { label: difficulty, level: level === 'easy' || level === 'medium' || level === 'hard' ? level : 'other' } : undefined,
    facts,
    topics,
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
  };
}
